/// Why a call to a language-model server failed: a code, what happened and where.
///
/// ```swift
/// do { _ = try await backend.complete(request) }
/// catch { if error.code == .timeout { … } }
/// ```
public struct LLMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No connection could be made (server down, wrong host or port).
        public static let unreachable = Code(rawValue: "unreachable")
        /// The request did not finish before its timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// The connection failed after it was made.
        public static let transport = Code(rawValue: "transport")
        /// The server answered with an HTTP error status.
        public static let httpStatus = Code(rawValue: "http_status")
        /// The server's answer was not the JSON, SSE or NDJSON the API promises.
        public static let badResponse = Code(rawValue: "bad_response")
        /// The model's text could not be turned into a valid record.
        public static let unusableAnswer = Code(rawValue: "unusable_answer")
        /// The caller's task was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")
        /// A setting (flag or environment variable) has a value the engine cannot use.
        public static let invalidConfiguration = Code(rawValue: "invalid_configuration")
        /// The backend cannot do this (for example `/tokenize` on Ollama).
        public static let unsupported = Code(rawValue: "unsupported")
    }

    public var code: Code
    /// What was wrong, in words.
    public var message: String
    /// The URL of the request, when there was one.
    public var url: String?
    /// The HTTP status, for ``Code/httpStatus``.
    public var status: Int?
    /// The underlying error, as text.
    public var underlying: String?

    public init(_ code: Code, _ message: String, url: String? = nil, status: Int? = nil, underlying: String? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.status = status
        self.underlying = underlying
    }

    public var description: String {
        var text = "LLM error (\(code)): \(message)"
        if let url { text += " [\(url)]" }
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
