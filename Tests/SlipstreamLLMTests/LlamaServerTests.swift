import SlipstreamCore
import SlipstreamLLM
import Synchronization
import Testing

/// The engine against a real llama.cpp server (see LlamaServer) running a tiny model with a fixed answer.
@Suite(.serialized, .enabled(if: LlamaServer.isAvailable, "set SLIPSTREAM_LLAMA_SERVER to a Python with scripts/llm/requirements.txt"))
struct LlamaServerTests {
    static func config(_ url: String, constraint: ConstraintMode? = nil, stream: Bool = false) -> LLMConfiguration {
        LLMConfiguration(
            api: .openai, baseURL: url, model: "slipstream-tiny", requestTimeout: .seconds(600), connectTimeout: .seconds(600),
            constraint: constraint, stream: stream)
    }

    static let prompt = [ChatMessage(.system, SystemPrompt.v1), ChatMessage(.user, "Tell bob to review my auth code")]

    @Test func plainChatReturnsTheModelsAnswer() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                let answer = try await backend.complete(ChatRequest(messages: Self.prompt))
                #expect(answer.content == Fixtures.validAnswer)
                #expect(answer.finishReason == "stop")
                #expect(answer.completionTokens ?? 0 > 0)
            }
        }
    }

    @Test func streamingChatDeliversTheAnswerInPieces() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                let pieces = Mutex<[String]>([])
                let answer = try await backend.complete(ChatRequest(messages: Self.prompt, stream: true)) { piece in
                    pieces.withLock { $0.append(piece) }
                }
                let received = pieces.withLock { $0 }
                #expect(answer.content == Fixtures.validAnswer)
                #expect(received.joined() == Fixtures.validAnswer)
                #expect(received.count > 1)
                #expect(answer.finishReason == "stop")
            }
        }
    }

    @Test(arguments: [false, true])
    func engineAcceptsAValidAnswerAsIs(stream: Bool) async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                let engine = LLMEngine(configuration: Self.config(url, stream: stream), backend: backend, ucr: .v1)
                let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
                #expect(result.engine == "llm")
                #expect(result.wire == "SLIP v1 alice bob RequestReview auth_module")
                #expect(result.record.formatted == Fixtures.validAnswer)
                #expect(!result.repaired && !result.usedFallback && result.attempts.count == 1)
            }
        }
    }

    @Test func theV3GrammarLetsAValidV3RecordThrough() async throws {
        let answer = "THOUGHT: Ask bob to review.\nQUANTIZE: Force=Request Object=Review\nSLIP: SLIP v3 alice bob Request Review auth"
        try await LlamaServer.with(answer: answer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                let engine = LLMEngine(configuration: Self.config(url, constraint: .grammar), backend: backend, ucr: .v3)
                let result = try await engine.encode("Tell bob to review my auth code")
                #expect(result.engine == "llm" && !result.repaired)
                #expect(result.record.formatted == answer)
            }
        }
    }

    @Test func theGrammarWithoutKnownAgentsLetsTheModelsIdsThrough() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                let engine = LLMEngine(configuration: Self.config(url, constraint: .grammar), backend: backend, ucr: .v1)
                let result = try await engine.encode("Tell bob to review my auth code")
                #expect(result.record.formatted == Fixtures.validAnswer)
                #expect(result.engine == "llm" && !result.repaired)
            }
        }
    }

    @Test func grammarForcesAValidRecordOutOfAMalformedModel() async throws {
        try await LlamaServer.with(answer: Fixtures.malformedAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                // Raw, the model writes an unknown anchor and a payload outside the strict token set.
                let raw = try await backend.complete(ChatRequest(messages: Self.prompt))
                #expect(raw.content == Fixtures.malformedAnswer)

                // Under the UCR grammar, the misspelt anchor cannot be produced: the server picks a
                // codebook anchor instead, and the record is strict-valid without any repair.
                let engine = LLMEngine(configuration: Self.config(url, constraint: .grammar), backend: backend, ucr: .v1)
                let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
                #expect(result.engine == "llm")
                #expect(!result.repaired)
                let answer = try #require(result.attempts.last?.answer)
                #expect(answer.hasPrefix("THOUGHT: pls review\nSLIP: SLIP v1 alice bob "))
                _ = try WireParser(profile: .strict).parse(result.wire)
                #expect(UCR.v1.anchor(mnemonic: result.record.anchor) != nil)
            }
        }
    }

    @Test func withoutGrammarAMalformedAnswerIsRepaired() async throws {
        try await LlamaServer.with(answer: Fixtures.malformedAnswer) { url in
            try await LLMSession.withBackend(Self.config(url, constraint: ConstraintMode.none)) { backend in
                let engine = LLMEngine(configuration: Self.config(url, constraint: ConstraintMode.none), backend: backend, ucr: .v1)
                let result = try await engine.encode("Tell bob to review my auth code")
                #expect(result.engine == "llm")
                #expect(result.repaired)
                #expect(result.wire == "SLIP v1 alice bob RequestReview auth module")
            }
        }
    }

    @Test func jsonSchemaOutputMapsBackToARecord() async throws {
        try await LlamaServer.with(answer: Fixtures.jsonAnswer) { url in
            let config = Self.config(url, constraint: .json)
            try await LLMSession.withBackend(config) { backend in
                let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1)
                let request = engine.request(for: "Tell bob to review my auth code")
                guard case .jsonSchema = request.constraint else {
                    Issue.record("expected a JSON-schema constraint")
                    return
                }
                let raw = try await backend.complete(request)
                #expect(raw.content == Fixtures.jsonAnswer)
                let result = try await engine.encode("Tell bob to review my auth code")
                #expect(result.engine == "llm")
                #expect(result.record.formatted == Fixtures.validAnswer)
            }
        }
    }

    @Test func aRequestThatCannotFinishTimesOutThenFallsBack() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer, loop: true) { url in
            var config = Self.config(url, constraint: ConstraintMode.none)
            config.requestTimeout = .milliseconds(500)
            config.maxTokens = 1_000_000
            try await LLMSession.withBackend(config) { backend in
                await #expect {
                    _ = try await backend.complete(ChatRequest(messages: Self.prompt, maxTokens: 1_000_000, timeout: .milliseconds(500)))
                } throws: { error in
                    (error as? LLMError)?.code == .timeout
                }
                let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1, fallback: FixedFallback())
                let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
                #expect(result.engine == "local")
                #expect(result.wire == "SLIP v1 alice bob Fallback fallback")
                #expect(result.attempts.count == 2)
                #expect(result.attempts.allSatisfy { $0.error?.code == .timeout })
                #expect(result.fallbackReason?.hasPrefix("timeout") == true)
            }
        }
    }

    @Test func unusableAnswersAreRetriedOnceThenFallBack() async throws {
        try await LlamaServer.with(answer: Fixtures.garbageAnswer) { url in
            let config = Self.config(url, constraint: ConstraintMode.none)
            try await LLMSession.withBackend(config) { backend in
                let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1, fallback: FixedFallback())
                let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
                #expect(result.engine == "local")
                #expect(result.attempts.map(\.answer) == [Fixtures.garbageAnswer, Fixtures.garbageAnswer])
                #expect(result.fallbackReason?.hasPrefix("unusable_answer") == true)

                let noFallback = LLMEngine(configuration: config, backend: backend, ucr: .v1)
                await #expect {
                    _ = try await noFallback.encode("Tell bob to review my auth code")
                } throws: { error in
                    (error as? LLMError)?.code == .unusableAnswer
                }
            }
        }
    }

    @Test func batchesKeepInputOrderUnderAConcurrencyLimit() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            var config = Self.config(url)
            config.concurrency = 2
            try await LLMSession.withBackend(config) { backend in
                let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1)
                let inputs = ["alice", "carol", "dave", "erin", "frank"].map { LLMInput(text: "review please", src: $0, dst: "bob") }
                let progress = Mutex<[Int]>([])
                let results = try await engine.encodeAll(inputs) { done, _ in progress.withLock { $0.append(done) } }
                #expect(results.map(\.record.message.src) == ["alice", "carol", "dave", "erin", "frank"])
                #expect(results.allSatisfy { $0.engine == "llm" })
                #expect(progress.withLock { $0 } == [1, 2, 3, 4, 5])
            }
        }
    }

    @Test func cancellingABatchStopsItWithACancelledError() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer, loop: true) { url in
            var config = Self.config(url, constraint: ConstraintMode.none)
            config.maxTokens = 1_000_000
            try await LLMSession.withBackend(config) { backend in
                let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1, fallback: FixedFallback())
                let inputs = (0..<4).map { LLMInput(text: "item \($0)") }
                let task = Task { try await engine.encodeAll(inputs) }
                task.cancel()
                await #expect {
                    _ = try await task.value
                } throws: { error in
                    (error as? LLMError)?.code == .cancelled
                }
            }
        }
    }

    @Test func aRequestTheServerRefusesIsAnHTTPStatusErrorWithItsMessage() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                await #expect {
                    _ = try await backend.complete(ChatRequest(messages: Self.prompt, constraint: .grammar("root ::= (")))
                } throws: { error in
                    guard let error = error as? LLMError else { return false }
                    return error.code == .httpStatus && error.status == 400 && error.message.contains("grammar")
                }
            }
        }
    }

    @Test func tokenizeUsesTheServersTokenizer() async throws {
        try await LlamaServer.with(answer: Fixtures.validAnswer) { url in
            try await LLMSession.withBackend(Self.config(url)) { backend in
                // The tiny model has no pieces for "hello": five byte-fallback tokens.
                let tokens = try await backend.tokenize("hello", timeout: .seconds(600))
                #expect(tokens.count == 5)
            }
        }
    }
}
