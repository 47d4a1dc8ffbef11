/// One change the lenient profile made to turn a line into a strict wire.
public struct WireRepair: Sendable, Hashable, CustomStringConvertible {
    /// What kind of change.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let strippedDecoration = Code(rawValue: "stripped_decoration")
        public static let fixedPrefix = Code(rawValue: "fixed_prefix")
        public static let fixedVersion = Code(rawValue: "fixed_version")
        public static let collapsedWhitespace = Code(rawValue: "collapsed_whitespace")
        public static let normalizedAgentID = Code(rawValue: "normalized_agent_id")
        public static let fixedAnchor = Code(rawValue: "fixed_anchor")
        public static let normalizedToken = Code(rawValue: "normalized_token")
        public static let splitToken = Code(rawValue: "split_token")
        public static let droppedToken = Code(rawValue: "dropped_token")
        public static let truncatedToken = Code(rawValue: "truncated_token")
        public static let droppedExcessTokens = Code(rawValue: "dropped_excess_tokens")
        public static let addedFallbackRef = Code(rawValue: "added_fallback_ref")
        public static let fixedQuote = Code(rawValue: "fixed_quote")
    }

    public var code: Code
    /// 0-based UTF-8 byte offset in the original line.
    public var offset: Int
    /// The text as it was.
    public var original: String
    /// What it became (empty when dropped).
    public var replacement: String

    public init(_ code: Code, offset: Int, original: String, replacement: String) {
        self.code = code
        self.offset = offset
        self.original = original
        self.replacement = replacement
    }

    public var description: String {
        replacement.isEmpty
            ? "\(code) at \(offset): dropped \(original.debugDescription)"
            : "\(code) at \(offset): \(original.debugDescription) -> \(replacement.debugDescription)"
    }
}
