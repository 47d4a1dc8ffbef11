import SlipstreamCore
import SlipstreamLLM
import Testing

/// A server that is down: nothing listens on the port. Needs no Python.
@Suite struct ServerDownTests {
    // Port 9 (discard) on the loopback address: nothing listens there in a test environment.
    static let config = LLMConfiguration(
        api: .openai, baseURL: "http://127.0.0.1:9", requestTimeout: .seconds(30), connectTimeout: .milliseconds(500))

    @Test(arguments: [LLMAPI.openai, .ollama])
    func aServerThatIsDownIsUnreachable(api: LLMAPI) async throws {
        var config = Self.config
        config.api = api
        config.constraint = ConstraintMode.none
        try await LLMSession.withBackend(config) { backend in
            await #expect {
                _ = try await backend.complete(ChatRequest(messages: [ChatMessage(.user, "hi")]))
            } throws: { error in
                (error as? LLMError)?.code == .unreachable
            }
        }
    }

    @Test func theEngineFallsBackWhenTheServerIsDown() async throws {
        try await LLMSession.withBackend(Self.config) { backend in
            let engine = LLMEngine(configuration: Self.config, backend: backend, ucr: .v1, fallback: FixedFallback())
            let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
            #expect(result.engine == "local")
            #expect(result.wire == "SLIP v1 alice bob Fallback fallback")
            #expect(result.attempts.count == 2)
            #expect(result.fallbackReason?.hasPrefix("unreachable") == true)
        }
    }
}
