/// Why a wire line was refused: a code, the offending token and where it starts.
///
/// ``Kind`` keeps slipcore's distinction between lines that cannot be parsed at all (`WireParseError`)
/// and parsed lines that break a rule (`WireValidationError`).
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// slipcore's two error classes.
    public enum Kind: String, Sendable, Hashable {
        /// The line is not a SLIP message (too short, wrong prefix or version, too long).
        case parse
        /// The line is a SLIP message that breaks a rule of its version.
        case validation
    }

    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let empty = Code(rawValue: "empty")
        public static let lineTooLong = Code(rawValue: "line_too_long")
        public static let tooFewTokens = Code(rawValue: "too_few_tokens")
        public static let badPrefix = Code(rawValue: "bad_prefix")
        public static let badVersion = Code(rawValue: "bad_version")
        public static let invalidWhitespace = Code(rawValue: "invalid_whitespace")
        public static let invalidAgentID = Code(rawValue: "invalid_agent_id")
        public static let unknownForce = Code(rawValue: "unknown_force")
        public static let invalidObject = Code(rawValue: "invalid_object")
        public static let unknownAnchor = Code(rawValue: "unknown_anchor")
        public static let invalidPayloadToken = Code(rawValue: "invalid_payload_token")
        public static let payloadTokenTooLong = Code(rawValue: "payload_token_too_long")
        public static let tooManyPayloadTokens = Code(rawValue: "too_many_payload_tokens")
        public static let missingFallbackRef = Code(rawValue: "missing_fallback_ref")
        public static let invalidFallbackRef = Code(rawValue: "invalid_fallback_ref")
        public static let unterminatedQuote = Code(rawValue: "unterminated_quote")
    }

    public var code: Code
    public var kind: Kind
    /// What was wrong, in words.
    public var message: String
    /// The offending token, when there is one.
    public var token: String?
    /// 0-based UTF-8 byte offset of the offending token (or position) in the line.
    public var offset: Int?

    public init(_ code: Code, _ kind: Kind, _ message: String, token: String? = nil, offset: Int? = nil) {
        self.code = code
        self.kind = kind
        self.message = message
        self.token = token
        self.offset = offset
    }

    /// The error for a line of `bytes` bytes over a limit of `limit`.
    public static func lineTooLong(bytes: Int, limit: Int) -> WireError {
        WireError(.lineTooLong, .parse, "line is \(bytes) bytes, longer than the limit of \(limit)", offset: limit)
    }

    public var description: String {
        var text = "\(kind == .parse ? "wire parse error" : "wire validation error") (\(code)): \(message)"
        if let offset { text += " at offset \(offset)" }
        return text
    }
}
