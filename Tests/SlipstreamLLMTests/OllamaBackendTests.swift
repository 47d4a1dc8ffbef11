import SlipstreamCore
import SlipstreamLLM
import Synchronization
import Testing

/// The Ollama backend (`POST /api/chat`, NDJSON). Ollama cannot be installed on the test machine, so
/// these tests talk to scripts/llm/ollama_proxy.py, a small translating process that speaks Ollama's
/// native API in front of the real llama.cpp server.
@Suite(.serialized, .enabled(if: LlamaServer.isAvailable, "set SLIPSTREAM_LLAMA_SERVER to a Python with scripts/llm/requirements.txt"))
struct OllamaBackendTests {
    static func config(_ url: String, stream: Bool = false) -> LLMConfiguration {
        LLMConfiguration(api: .ollama, baseURL: url, model: "slipstream", requestTimeout: .seconds(600), stream: stream)
    }

    @Test(arguments: [false, true])
    func chatReturnsTheModelsAnswer(stream: Bool) async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer, ollama: true) { url in
            try await LLMSession.withBackend(Self.config(url, stream: stream)) { backend in
                let pieces = Mutex<[String]>([])
                let request = ChatRequest(messages: [ChatMessage(.user, "hi")], stream: stream)
                let answer = try await backend.complete(request) { piece in pieces.withLock { $0.append(piece) } }
                #expect(answer.content == Fixtures.validAnswer)
                #expect(answer.finishReason == "stop")
                if stream { #expect(pieces.withLock { $0.joined() } == Fixtures.validAnswer) }
            }
        }
    }

    @Test func engineUsesAJSONSchemaFormatAndMapsTheAnswerBack() async throws {
        try await LlamaServer.with(answer: Fixtures.jsonAnswer, ollama: true) { url in
            let config = Self.config(url)
            #expect(config.resolvedConstraint == .json)
            try await LLMSession.withBackend(config) { backend in
                let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1)
                let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
                #expect(result.engine == "llm")
                #expect(result.record.formatted == Fixtures.validAnswer)
                #expect(result.attempts.first?.answer == Fixtures.jsonAnswer)
            }
        }
    }
}
