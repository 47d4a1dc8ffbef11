import SlipstreamCore

/// A JSON-RPC error object an agent answers with: code, message, data (A2A 1.0's JSON-RPC binding).
public struct SlipA2AJSONRPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A JSON-RPC error code; the constants are JSON-RPC's and A2A 1.0's.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let parseError = Code(rawValue: -32700)
        public static let invalidRequest = Code(rawValue: -32600)
        public static let methodNotFound = Code(rawValue: -32601)
        public static let invalidParams = Code(rawValue: -32602)
        public static let internalError = Code(rawValue: -32603)
        public static let taskNotFound = Code(rawValue: -32001)
        public static let taskNotCancelable = Code(rawValue: -32002)
        public static let pushNotificationNotSupported = Code(rawValue: -32003)
        public static let unsupportedOperation = Code(rawValue: -32004)
        public static let contentTypeNotSupported = Code(rawValue: -32005)
        public static let invalidAgentResponse = Code(rawValue: -32006)
        public static let extendedAgentCardNotConfigured = Code(rawValue: -32007)
        public static let extensionSupportRequired = Code(rawValue: -32008)
        public static let versionNotSupported = Code(rawValue: -32009)

        /// The error's name in the A2A spec (`TaskNotFoundError`), for the codes it defines.
        public var name: String? { Self.names[rawValue] }

        /// `-32001 TaskNotFoundError`, or the number alone.
        public var description: String { name.map { "\(rawValue) \($0)" } ?? String(rawValue) }

        static let names: [Int: String] = [
            -32700: "JSONParseError", -32600: "InvalidRequestError", -32601: "MethodNotFoundError",
            -32602: "InvalidParamsError", -32603: "InternalError", -32001: "TaskNotFoundError",
            -32002: "TaskNotCancelableError", -32003: "PushNotificationNotSupportedError",
            -32004: "UnsupportedOperationError", -32005: "ContentTypeNotSupportedError",
            -32006: "InvalidAgentResponseError", -32007: "ExtendedAgentCardNotConfiguredError",
            -32008: "ExtensionSupportRequiredError", -32009: "VersionNotSupportedError",
        ]
    }

    public var code: Code
    public var message: String
    /// Whatever the agent added (A2A 1.0 SDKs send a list of `google.rpc` details).
    public var data: JSONValue?

    public init(code: Code, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The error object, members in JSON-RPC's order: code, message, data.
    public var json: JSONValue {
        .object([("code", .int(code.rawValue)), ("message", .string(message))] + (data.map { [("data", $0)] } ?? []))
    }

    /// Reads the `error` member of a response.
    public init(json: JSONValue) throws(SlipA2AError) {
        guard case .object = json else {
            throw SlipA2AError(.invalidJSONRPC, "error is a \(json.kindName), not an object", field: "error")
        }
        guard case .int(let code)? = json["code"] else {
            throw SlipA2AError(
                .invalidJSONRPC, "error.code is \(json["code"].map { "a \($0.kindName)" } ?? "missing"), not an integer",
                field: "error.code")
        }
        self.init(
            code: Code(rawValue: code), message: try json.requiredString("message", path: "error.", code: .invalidJSONRPC),
            data: json["data"])
    }

    public var description: String { "JSON-RPC error \(code): \(message)" }
}
