import SlipstreamQuantizers

extension QuantizerRegistry {
    /// Registers the `llm` engine.
    ///
    /// Its configuration comes from `environment` (the `SLIPSTREAM_LLM_*` variables), then from
    /// `options.settings`, which uses the same names (so CLI flags can override the environment).
    /// The `local` engine, built with the same model path and threshold, answers when the model
    /// cannot; `options.settings["SLIPSTREAM_LLM_FALLBACK"] = "none"` turns that off.
    ///
    /// ```swift
    /// var registry = QuantizerRegistry.standard
    /// registry.registerLLM(environment: ProcessInfo.processInfo.environment)
    /// let llm = try registry.make("llm", options: .init(settings: ["SLIPSTREAM_LLM_URL": "http://127.0.0.1:8080"]))
    /// ```
    public mutating func registerLLM(environment: [String: String]) {
        let fallbacks = self
        register("llm") { options in
            var configuration = try LLMConfiguration(environment: environment)
            try configuration.apply(environment: options.settings)
            let backend = try LLMSession.processBackend(configuration)
            let fallbackName = options.settings["SLIPSTREAM_LLM_FALLBACK"] ?? environment["SLIPSTREAM_LLM_FALLBACK"] ?? "local"
            let fallback: (any Quantizer)? = fallbackName == "none" ? nil : try fallbacks.make(fallbackName, options: options)
            return LLMQuantizer(configuration: configuration, backend: backend, fallback: fallback)
        }
    }
}
