import SlipstreamCore
import SlipstreamLLM
import SlipstreamQuantizers
import Testing

/// A `local` stand-in: always the Fallback anchor.
struct FixedQuantizer: Quantizer {
    var engine: String { "local" }
    func quantize(_ text: String, context: QuantizationContext) async throws -> Quantization {
        let anchor = try #require(context.codebook.anchor(mnemonic: "Fallback"))
        let message = SlipMessage.v1(
            src: context.src, dst: context.dst ?? context.defaultDestination, anchor: anchor, payload: ["fallback"])
        return Quantization(
            anchor: anchor, confidence: 0.4, alternatives: [], payload: ["fallback"], thought: "no idea", message: message, engine: engine)
    }
}

/// The `llm` engine through the quantizer protocol, against a real llama.cpp server.
@Suite(.serialized, .enabled(if: LlamaServer.isAvailable, "set SLIPSTREAM_LLAMA_SERVER to a Python with scripts/llm/requirements.txt"))
struct LLMQuantizerTests {
    static func config(_ url: String) -> LLMConfiguration {
        LLMConfiguration(api: .openai, baseURL: url, model: "slipstream-tiny", requestTimeout: .seconds(600))
    }

    @Test func theModelsAnswerBecomesAQuantization() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                let quantizer = LLMQuantizer(configuration: Self.config(url), backend: backend, fallback: FixedQuantizer())
                let result = try await quantizer.quantize(
                    "Tell bob to review my code", context: QuantizationContext(src: "alice", dst: "bob"))
                #expect(result.engine == "llm")
                #expect(result.anchor.mnemonic == "RequestReview")
                #expect(result.wire == "SLIP v1 alice bob RequestReview auth_module")
                #expect(result.thought == "Ask bob to review the auth module.")
                #expect(quantizer.log.summary.fellBack == 0)
            }
        }
    }

    @Test func anUnusableModelFallsBackToTheLocalEngine() async throws {
        try await LlamaServer.with(answer: Fixtures.garbageAnswer) { url in
            var config = Self.config(url)
            config.constraint = ConstraintMode.none
            try await LLMSession.withBackend(config) { backend in
                let quantizer = LLMQuantizer(configuration: config, backend: backend, fallback: FixedQuantizer())
                let result = try await quantizer.quantize(
                    "Tell bob to review my code", context: QuantizationContext(src: "alice", dst: "bob"))
                #expect(result.engine == "local")
                #expect(result.wire == "SLIP v1 alice bob Fallback fallback")
                #expect(result.confidence == 0.4)
                let summary = quantizer.log.summary
                #expect(summary.fellBack == 1 && summary.fallbackReasons == ["unusable_answer": 1])
            }
        }
    }
}
