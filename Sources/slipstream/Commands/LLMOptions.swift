import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamLLM

/// Flags that point the `llm` engine at a model server; the `SLIPSTREAM_LLM_*` environment
/// variables give the defaults, flags override them.
struct LLMOptions: ParsableArguments {
    @Option(name: .customLong("llm-url"), help: "Server base URL (env SLIPSTREAM_LLM_URL; default http://127.0.0.1:8080, Ollama :11434).")
    var url: String?

    @Option(name: .customLong("llm-model"), help: "Model name (env SLIPSTREAM_LLM_MODEL; default slipstream).")
    var model: String?

    @Option(name: .customLong("llm-api"), help: "openai (llama.cpp, vLLM, LM Studio, Ollama /v1) or ollama (env SLIPSTREAM_LLM_API).")
    var api: String?

    @Option(name: .customLong("llm-api-key"), help: "Bearer token (env SLIPSTREAM_LLM_API_KEY).")
    var apiKey: String?

    @Option(help: "Sampling temperature (env SLIPSTREAM_LLM_TEMPERATURE; default 0).")
    var temperature: Double?

    @Option(name: .customLong("max-tokens"), help: "Generated-token limit per answer (env SLIPSTREAM_LLM_MAX_TOKENS; default 256).")
    var maxTokens: Int?

    @Option(help: "Seconds allowed per request, answer included (env SLIPSTREAM_LLM_TIMEOUT; default 120).")
    var timeout: Double?

    @Option(name: .customLong("connect-timeout"), help: "Seconds allowed to connect (env SLIPSTREAM_LLM_CONNECT_TIMEOUT; default 2).")
    var connectTimeout: Double?

    @Option(
        help:
            "grammar (GBNF, llama.cpp), json (JSON schema) or none (env SLIPSTREAM_LLM_CONSTRAINT; default grammar for openai, json for ollama)."
    )
    var constraint: String?

    @Flag(name: .customLong("no-grammar"), help: "Send no grammar or schema: measure the raw model (same as --constraint none).")
    var noGrammar = false

    @Flag(help: "Stream answers (SSE / NDJSON) (env SLIPSTREAM_LLM_STREAM).")
    var stream = false

    @Option(help: "Extra attempts after a failed or unusable answer before falling back (env SLIPSTREAM_LLM_RETRIES; default 1).")
    var retries: Int?

    @Option(help: "Requests in flight at once for batches (env SLIPSTREAM_LLM_CONCURRENCY; default 2).")
    var concurrency: Int?

    @Option(
        name: .customLong("few-shot"),
        help: "Worked examples from the training file put before each text (env SLIPSTREAM_LLM_FEW_SHOT; default 0).")
    var fewShot: Int?

    @Option(name: .customLong("few-shot-file"), help: "ShareGPT JSONL for --few-shot (default ../shared/data/tqt-<wire>-train.jsonl).")
    var fewShotFile: String?

    @Flag(name: .customLong("no-fallback"), help: "Report the model's failures instead of answering with the local engine.")
    var noFallback = false

    /// The flags given, under the names of the environment variables they override.
    func settings() -> [String: String] {
        var settings: [String: String] = [:]
        func set(_ name: String, _ value: (some CustomStringConvertible)?) {
            if let value { settings["SLIPSTREAM_LLM_" + name] = value.description }
        }
        set("URL", url)
        set("MODEL", model)
        set("API", api)
        set("API_KEY", apiKey)
        set("TEMPERATURE", temperature)
        set("MAX_TOKENS", maxTokens)
        set("TIMEOUT", timeout)
        set("CONNECT_TIMEOUT", connectTimeout)
        set("CONSTRAINT", noGrammar ? "none" : constraint)
        set("STREAM", stream ? "true" : nil)
        set("RETRIES", retries)
        set("CONCURRENCY", concurrency)
        set("FEW_SHOT", fewShot)
        set("FEW_SHOT_FILE", fewShotFile)
        set("FALLBACK", noFallback ? "none" : nil)
        return settings
    }

    /// The configuration: defaults, then environment, then these flags.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LLMConfiguration {
        var config = try LLMConfiguration(environment: environment)
        try config.apply(environment: settings())
        try config.validate()
        return config
    }
}
