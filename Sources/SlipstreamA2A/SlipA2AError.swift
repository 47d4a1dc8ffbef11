import SlipstreamCore

/// Why an A2A message could not be read as a SLIP-A2A message: a code, what was wrong and where.
public struct SlipA2AError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text is not one JSON document.
        public static let notJSON = Code(rawValue: "not_json")
        /// A field of the A2A message is missing or has the wrong kind of value (`field` names it).
        public static let malformedMessage = Code(rawValue: "malformed_message")
        /// The first part has no text.
        public static let noTextPart = Code(rawValue: "no_text_part")
        /// The message neither declares the extension nor starts its first text with `SLIP `.
        public static let notSlipA2A = Code(rawValue: "not_slip_a2a")
        /// The metadata's `slipVersion` (or the wire's version) is not `v3`.
        public static let unsupportedSlipVersion = Code(rawValue: "unsupported_slip_version")
        /// The first text part is not a valid v3 wire (`wireError` says why and where).
        public static let invalidWire = Code(rawValue: "invalid_wire")
        /// The wire is valid but its tokens are not separated by single spaces (token rule 3).
        public static let nonCanonicalWire = Code(rawValue: "non_canonical_wire")
        /// The metadata's `ucrHash` is not the reader's codebook's.
        public static let ucrHashMismatch = Code(rawValue: "ucr_hash_mismatch")
    }

    public var code: Code
    /// What was wrong, in words.
    public var message: String
    /// The JSON path of the offending field (`parts[0].text`, `metadata.<uri>.ucrHash`), when there is one.
    public var field: String?
    /// The core's error, for ``Code/invalidWire``.
    public var wireError: WireError?

    public init(_ code: Code, _ message: String, field: String? = nil, wireError: WireError? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.wireError = wireError
    }

    public var description: String {
        "slip-a2a error (\(code)): \(message)" + (field.map { " at \($0)" } ?? "")
    }
}
