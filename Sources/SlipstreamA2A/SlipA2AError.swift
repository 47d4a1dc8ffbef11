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
        /// A JSON-RPC body is longer than the reader's limit.
        public static let bodyTooLarge = Code(rawValue: "body_too_large")
        /// The JSON-RPC 2.0 frame is wrong: not an object, `jsonrpc` not `"2.0"`, `id` missing or of the wrong
        /// kind, not exactly one of `result` and `error`, or a malformed error object (`field` names it).
        public static let invalidJSONRPC = Code(rawValue: "invalid_jsonrpc")
        /// A request's method is not A2A 1.0's `SendMessage`.
        public static let unsupportedMethod = Code(rawValue: "unsupported_method")
        /// A response's `id` is not the request's.
        public static let idMismatch = Code(rawValue: "id_mismatch")
        /// A response's result is not a SendMessageResponse (`task` or `message`), or a field of its Task is
        /// missing or has the wrong kind of value (`field` names it).
        public static let malformedResult = Code(rawValue: "malformed_result")
        /// The agent answered with a JSON-RPC error (``SlipA2AError/rpcError`` has its code, message and data).
        public static let rpcError = Code(rawValue: "rpc_error")
    }

    public var code: Code
    /// What was wrong, in words.
    public var message: String
    /// The JSON path of the offending field (`parts[0].text`, `metadata.<uri>.ucrHash`), when there is one.
    public var field: String?
    /// The core's error, for ``Code/invalidWire``.
    public var wireError: WireError?
    /// The agent's JSON-RPC error, for ``Code/rpcError``.
    public var rpcError: SlipA2AJSONRPCError?

    public init(
        _ code: Code, _ message: String, field: String? = nil, wireError: WireError? = nil, rpcError: SlipA2AJSONRPCError? = nil
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.wireError = wireError
        self.rpcError = rpcError
    }

    public var description: String {
        "slip-a2a error (\(code)): \(message)" + (field.map { " at \($0)" } ?? "")
    }
}
