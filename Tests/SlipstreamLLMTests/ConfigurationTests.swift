import SlipstreamLLM
import SlipstreamQuantizers
import Testing

@Suite struct ConfigurationTests {
    @Test func defaultsTalkToALocalLlamaServerWithAGrammar() throws {
        let config = try LLMConfiguration(environment: [:])
        #expect(config.api == .openai)
        #expect(config.resolvedBaseURL == "http://127.0.0.1:8080")
        #expect(config.resolvedConstraint == .grammar)
        #expect(config.temperature == 0)
        #expect(config.retries == 1)
    }

    @Test func environmentOverridesDefaults() throws {
        let config = try LLMConfiguration(environment: [
            "SLIPSTREAM_LLM_API": "ollama",
            "SLIPSTREAM_LLM_URL": "http://gpu-box:11434",
            "SLIPSTREAM_LLM_MODEL": "slipstream:q8",
            "SLIPSTREAM_LLM_API_KEY": "secret",
            "SLIPSTREAM_LLM_TEMPERATURE": "0.3",
            "SLIPSTREAM_LLM_MAX_TOKENS": "128",
            "SLIPSTREAM_LLM_TIMEOUT": "2.5",
            "SLIPSTREAM_LLM_CONCURRENCY": "4",
        ])
        #expect(config.api == .ollama)
        #expect(config.resolvedBaseURL == "http://gpu-box:11434")
        #expect(config.model == "slipstream:q8")
        #expect(config.apiKey == "secret")
        #expect(config.temperature == 0.3)
        #expect(config.maxTokens == 128)
        #expect(config.requestTimeout == .milliseconds(2500))
        #expect(config.concurrency == 4)
        #expect(config.resolvedConstraint == .json)
        try config.validate()
    }

    @Test(arguments: [
        ("SLIPSTREAM_LLM_API", "grpc"),
        ("SLIPSTREAM_LLM_TEMPERATURE", "hot"),
        ("SLIPSTREAM_LLM_MAX_TOKENS", "1.5"),
        ("SLIPSTREAM_LLM_TIMEOUT", "-1"),
    ])
    func badEnvironmentValuesAreNamedInTheError(name: String, value: String) {
        #expect {
            _ = try LLMConfiguration(environment: [name: value])
        } throws: { error in
            (error as? LLMError)?.code == .invalidConfiguration && "\(error)".contains(name)
        }
    }

    @Test func ollamaRefusesAGrammarConstraint() {
        let config = LLMConfiguration(api: .ollama, constraint: .grammar)
        #expect(throws: LLMError.self) { try config.validate() }
    }

    @Test func aURLWithoutSchemeIsRefused() {
        let config = LLMConfiguration(baseURL: "localhost:8080")
        #expect(throws: LLMError.self) { try config.validate() }
    }
}

@Suite struct RegistryTests {
    @Test func settingsUseTheEnvironmentNamesAndOverrideIt() throws {
        var config = try LLMConfiguration(environment: ["SLIPSTREAM_LLM_MODEL": "a", "SLIPSTREAM_LLM_STREAM": "true"])
        try config.apply(environment: [
            "SLIPSTREAM_LLM_MODEL": "b", "SLIPSTREAM_LLM_CONSTRAINT": "none", "SLIPSTREAM_LLM_RETRIES": "0",
            "SLIPSTREAM_LLM_CONNECT_TIMEOUT": "0.5", "SLIPSTREAM_LLM_FEW_SHOT": "2",
        ])
        #expect(config.model == "b" && config.stream && config.retries == 0 && config.fewShot == 2)
        #expect(config.resolvedConstraint == ConstraintMode.none)
        #expect(config.connectTimeout == .milliseconds(500))
    }

    @Test func theLLMEngineRegistersBesideLocalAndKeyword() throws {
        var registry = QuantizerRegistry.standard
        registry.registerLLM(environment: [:])
        #expect(registry.names.contains("llm") && registry.names.contains("local"))
        let quantizer = try registry.make("llm", options: .init(settings: ["SLIPSTREAM_LLM_URL": "http://127.0.0.1:9"]))
        #expect(quantizer.engine == "llm")
        #expect((quantizer as? LLMQuantizer)?.fallback?.engine == "local")
        let bare = try registry.make("llm", options: .init(settings: ["SLIPSTREAM_LLM_FALLBACK": "none"]))
        #expect((bare as? LLMQuantizer)?.fallback == nil)
    }

    @Test func aDeadServerIsSkippedAfterItWasUnreachable() async throws {
        var registry = QuantizerRegistry.standard
        registry.registerLLM(environment: [:])
        let quantizer = try registry.make(
            "llm", options: .init(settings: ["SLIPSTREAM_LLM_URL": "http://127.0.0.1:9", "SLIPSTREAM_LLM_CONNECT_TIMEOUT": "0.3"]))
        let llm = try #require(quantizer as? LLMQuantizer)
        for _ in 0..<3 {
            let result = try await llm.quantize("Tell bob to review my code", context: QuantizationContext(src: "alice"))
            #expect(result.engine == "local")
        }
        let results = llm.log.results
        #expect(results.map(\.attempts.count) == [2, 0, 0])
        #expect(llm.log.summary.fallbackReasons == ["unreachable": 3])
    }
}
