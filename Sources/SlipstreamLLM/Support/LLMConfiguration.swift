import SlipstreamCore

/// Everything the LLM engine needs to reach a server and shape its requests.
///
/// Values come from defaults, then the environment, then command-line flags:
///
/// ```swift
/// var config = try LLMConfiguration(environment: ProcessInfo.processInfo.environment)
/// config.temperature = 0.2
/// ```
///
/// | Variable | Meaning |
/// | --- | --- |
/// | `SLIPSTREAM_LLM_URL` | base URL of the server |
/// | `SLIPSTREAM_LLM_MODEL` | model name sent with each request |
/// | `SLIPSTREAM_LLM_API` | `openai` or `ollama` |
/// | `SLIPSTREAM_LLM_API_KEY` | bearer token for the `Authorization` header |
/// | `SLIPSTREAM_LLM_TEMPERATURE` | sampling temperature |
/// | `SLIPSTREAM_LLM_MAX_TOKENS` | generated-token limit |
/// | `SLIPSTREAM_LLM_TIMEOUT` | seconds allowed per request |
/// | `SLIPSTREAM_LLM_CONCURRENCY` | requests in flight at once in batches |
/// | `SLIPSTREAM_LLM_CONNECT_TIMEOUT` | seconds allowed to open a connection |
/// | `SLIPSTREAM_LLM_CONSTRAINT` | `grammar`, `json` or `none` |
/// | `SLIPSTREAM_LLM_STREAM` | `1`/`true` to stream answers |
/// | `SLIPSTREAM_LLM_RETRIES` | extra attempts before the fallback |
/// | `SLIPSTREAM_LLM_FEW_SHOT` | worked examples before each text |
/// | `SLIPSTREAM_LLM_FEW_SHOT_FILE` | ShareGPT JSONL the examples come from |
public struct LLMConfiguration: Sendable, Hashable {
    /// The server's API.
    public var api: LLMAPI
    /// Base URL of the server (`http://127.0.0.1:8080`); nil means the API's default.
    public var baseURL: String?
    /// Model name sent with each request.
    public var model: String
    /// Bearer token, if the server wants one.
    public var apiKey: String?
    /// Sampling temperature; 0 (greedy) by default.
    public var temperature: Double
    /// Generated-token limit per answer.
    public var maxTokens: Int
    /// Time allowed for one request, answer included.
    public var requestTimeout: Duration
    /// Time allowed to open a connection.
    public var connectTimeout: Duration
    /// Grammar, JSON schema or nothing; nil means the API's natural choice.
    public var constraint: ConstraintMode?
    /// Stream answers (SSE or NDJSON).
    public var stream: Bool
    /// Extra attempts after a failed or unusable answer before falling back.
    public var retries: Int
    /// Requests in flight at once in a batch.
    public var concurrency: Int
    /// Number of worked examples from the training file put before the user's text.
    public var fewShot: Int
    /// The ShareGPT JSONL file the examples come from; nil means `../shared/data/tqt-<wire>-train.jsonl`.
    public var fewShotFile: String?

    public init(
        api: LLMAPI = .openai,
        baseURL: String? = nil,
        model: String = "slipstream",
        apiKey: String? = nil,
        temperature: Double = 0,
        maxTokens: Int = 256,
        requestTimeout: Duration = .seconds(120),
        connectTimeout: Duration = .seconds(2),
        constraint: ConstraintMode? = nil,
        stream: Bool = false,
        retries: Int = 1,
        concurrency: Int = 2,
        fewShot: Int = 0,
        fewShotFile: String? = nil
    ) {
        self.api = api
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.constraint = constraint
        self.stream = stream
        self.retries = retries
        self.concurrency = concurrency
        self.fewShot = fewShot
        self.fewShotFile = fewShotFile
    }

    /// The defaults overridden by the `SLIPSTREAM_LLM_*` variables of `environment`.
    public init(environment: [String: String]) throws(LLMError) {
        self.init()
        try apply(environment: environment)
    }

    /// Overrides settings with the `SLIPSTREAM_LLM_*` variables of `environment`.
    public mutating func apply(environment: [String: String]) throws(LLMError) {
        func value(_ name: String) -> String? {
            guard let raw = environment[name] else { return nil }
            let text = String(raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            return text.isEmpty ? nil : text
        }
        if let text = value("SLIPSTREAM_LLM_API") {
            guard let api = LLMAPI(rawValue: text.lowercased()) else {
                throw LLMError(.invalidConfiguration, "SLIPSTREAM_LLM_API is '\(text)'; expected openai or ollama")
            }
            self.api = api
        }
        if let text = value("SLIPSTREAM_LLM_URL") { baseURL = text }
        if let text = value("SLIPSTREAM_LLM_MODEL") { model = text }
        if let text = value("SLIPSTREAM_LLM_API_KEY") { apiKey = text }
        if let text = value("SLIPSTREAM_LLM_TEMPERATURE") {
            temperature = try Self.number(text, name: "SLIPSTREAM_LLM_TEMPERATURE", range: 0...2)
        }
        if let text = value("SLIPSTREAM_LLM_MAX_TOKENS") {
            maxTokens = Int(try Self.number(text, name: "SLIPSTREAM_LLM_MAX_TOKENS", range: 1...1_000_000, integer: true))
        }
        if let text = value("SLIPSTREAM_LLM_TIMEOUT") {
            requestTimeout = .milliseconds(Int(1000 * (try Self.number(text, name: "SLIPSTREAM_LLM_TIMEOUT", range: 0.001...86_400))))
        }
        if let text = value("SLIPSTREAM_LLM_CONCURRENCY") {
            concurrency = Int(try Self.number(text, name: "SLIPSTREAM_LLM_CONCURRENCY", range: 1...256, integer: true))
        }
        if let text = value("SLIPSTREAM_LLM_CONNECT_TIMEOUT") {
            connectTimeout = .milliseconds(Int(1000 * (try Self.number(text, name: "SLIPSTREAM_LLM_CONNECT_TIMEOUT", range: 0.001...3600))))
        }
        if let text = value("SLIPSTREAM_LLM_CONSTRAINT") {
            guard let mode = ConstraintMode(rawValue: text.lowercased()) else {
                throw LLMError(.invalidConfiguration, "SLIPSTREAM_LLM_CONSTRAINT is '\(text)'; expected grammar, json or none")
            }
            constraint = mode
        }
        if let text = value("SLIPSTREAM_LLM_STREAM") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": stream = true
            case "0", "false", "no", "off": stream = false
            default: throw LLMError(.invalidConfiguration, "SLIPSTREAM_LLM_STREAM is '\(text)'; expected true or false")
            }
        }
        if let text = value("SLIPSTREAM_LLM_RETRIES") {
            retries = Int(try Self.number(text, name: "SLIPSTREAM_LLM_RETRIES", range: 0...10, integer: true))
        }
        if let text = value("SLIPSTREAM_LLM_FEW_SHOT") {
            fewShot = Int(try Self.number(text, name: "SLIPSTREAM_LLM_FEW_SHOT", range: 0...64, integer: true))
        }
        if let text = value("SLIPSTREAM_LLM_FEW_SHOT_FILE") { fewShotFile = text }
    }

    /// The few-shot examples asked for (none unless ``fewShot`` is positive).
    public func examples(for version: WireVersion) throws(LLMError) -> [FewShotExample] {
        guard fewShot > 0 else { return [] }
        return try FewShotExample.load(fromJSONL: fewShotFile ?? "../shared/data/tqt-\(version.rawValue)-train.jsonl", count: fewShot)
    }

    /// The base URL in use: the configured one or the API's default.
    public var resolvedBaseURL: String { baseURL ?? api.defaultBaseURL }

    /// The constraint in use: the configured one or the API's natural choice.
    public var resolvedConstraint: ConstraintMode {
        constraint ?? (api == .openai ? .grammar : .json)
    }

    /// Checks the settings together; throws ``LLMError/Code/invalidConfiguration`` naming the bad one.
    public func validate() throws(LLMError) {
        let url = resolvedBaseURL
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > 8 else {
            throw LLMError(.invalidConfiguration, "server URL '\(url)' must start with http:// or https://")
        }
        guard !model.isEmpty else { throw LLMError(.invalidConfiguration, "model name is empty") }
        guard (0...2).contains(temperature) else {
            throw LLMError(.invalidConfiguration, "temperature \(temperature) is outside 0...2")
        }
        guard maxTokens > 0 else { throw LLMError(.invalidConfiguration, "max tokens \(maxTokens) must be positive") }
        guard retries >= 0 else { throw LLMError(.invalidConfiguration, "retries \(retries) must not be negative") }
        guard concurrency > 0 else { throw LLMError(.invalidConfiguration, "concurrency \(concurrency) must be positive") }
        guard requestTimeout > .zero, connectTimeout > .zero else {
            throw LLMError(.invalidConfiguration, "timeouts must be positive")
        }
        if api == .ollama, resolvedConstraint == .grammar {
            throw LLMError(.invalidConfiguration, "Ollama takes no GBNF grammar; use the json constraint or none")
        }
    }

    static func number(_ text: String, name: String, range: ClosedRange<Double>, integer: Bool = false) throws(LLMError) -> Double {
        guard let number = Double(text), range.contains(number), !integer || number == number.rounded() else {
            let kind = integer ? "an integer" : "a number"
            throw LLMError(.invalidConfiguration, "\(name) is '\(text)'; expected \(kind) in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
