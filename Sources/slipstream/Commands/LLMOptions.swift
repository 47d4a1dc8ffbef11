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

    @Option(help: "Seconds allowed per request (env SLIPSTREAM_LLM_TIMEOUT; default 120).")
    var timeout: Double?

    @Option(help: "grammar (GBNF, llama.cpp), json (JSON schema) or none; default grammar for openai, json for ollama.")
    var constraint: String?

    @Flag(name: .customLong("no-grammar"), help: "Send no grammar or schema: measure the raw model (same as --constraint none).")
    var noGrammar = false

    @Flag(help: "Stream answers (SSE / NDJSON).")
    var stream = false

    @Option(help: "Extra attempts after a failed or unusable answer before falling back (default 1).")
    var retries: Int?

    @Option(help: "Requests in flight at once for batches (env SLIPSTREAM_LLM_CONCURRENCY; default 2).")
    var concurrency: Int?

    @Option(name: .customLong("few-shot"), help: "Worked examples from the training file put before each text (default 0).")
    var fewShot = 0

    @Option(name: .customLong("few-shot-file"), help: "ShareGPT JSONL to take few-shot examples from (default ../shared/data/tqt-<wire>-train.jsonl).")
    var fewShotFile: String?

    /// The configuration: defaults, then environment, then these flags.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LLMConfiguration {
        var config = try LLMConfiguration(environment: environment)
        if let api {
            guard let value = LLMAPI(rawValue: api.lowercased()) else {
                throw ValidationError("--llm-api is '\(api)'; expected openai or ollama")
            }
            config.api = value
        }
        if let url { config.baseURL = url }
        if let model { config.model = model }
        if let apiKey { config.apiKey = apiKey }
        if let temperature { config.temperature = temperature }
        if let maxTokens { config.maxTokens = maxTokens }
        if let timeout {
            guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
            config.requestTimeout = .milliseconds(Int(timeout * 1000))
        }
        if let constraint {
            guard let mode = ConstraintMode(rawValue: constraint.lowercased()) else {
                throw ValidationError("--constraint is '\(constraint)'; expected grammar, json or none")
            }
            config.constraint = mode
        }
        if noGrammar { config.constraint = ConstraintMode.none }
        if stream { config.stream = true }
        if let retries { config.retries = retries }
        if let concurrency { config.concurrency = concurrency }
        config.fewShot = fewShot
        try config.validate()
        return config
    }

    /// The few-shot examples asked for (none by default).
    func examples(for version: WireVersion) throws -> [FewShotExample] {
        guard fewShot > 0 else { return [] }
        let path = fewShotFile ?? "../shared/data/tqt-\(version.rawValue)-train.jsonl"
        return try FewShotExample.load(fromJSONL: path, count: fewShot)
    }
}
