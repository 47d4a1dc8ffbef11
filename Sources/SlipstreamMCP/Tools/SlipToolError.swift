import SlipstreamCore
import SlipstreamHub
import SlipstreamQuantizers
import SlipstreamTokenizers

/// Why a tool call failed, returned to the client as an MCP tool error (`isError: true`) carrying
/// `{code, message, offset, argument}`: a bad argument, or the failure the library reported.
///
/// Library errors keep their own codes (`invalid_payload_token`, `refs_exhausted`, `rankFileMissing`, …),
/// so a client sees what the CLI would report for the same input.
public struct SlipToolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A machine-readable reason.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A required argument is absent.
        public static let missingArgument = Code(rawValue: "missing_argument")
        /// An argument the tool does not take.
        public static let unknownArgument = Code(rawValue: "unknown_argument")
        /// An argument of the wrong type or outside its allowed values.
        public static let invalidArgument = Code(rawValue: "invalid_argument")
        /// A text argument longer than the server's limit.
        public static let argumentTooLong = Code(rawValue: "argument_too_long")
        /// Any other failure (the message says what).
        public static let failed = Code(rawValue: "failed")
    }

    public var code: Code
    /// What was wrong and where.
    public var message: String
    /// The UTF-8 byte offset in the argument, when the failure has one (wire errors do).
    public var offset: Int?
    /// The argument the failure is about, when there is one.
    public var argument: String?

    public init(_ code: Code, _ message: String, offset: Int? = nil, argument: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.argument = argument
    }

    /// A library error as a tool error, keeping its code, message and offset.
    public init(_ error: any Error, argument: String? = nil) {
        switch error {
        case let error as SlipToolError:
            self = error
        case let error as WireError:
            self.init(Code(rawValue: error.code.rawValue), error.message, offset: error.offset, argument: argument)
        case let error as QuantizerError:
            let message = (error.location.map { "\($0): " } ?? "") + error.reason
            self.init(Code(rawValue: error.code.rawValue), message, argument: argument)
        case let error as FallbackStoreError:
            let message = error.message + (error.underlying.map { ": \($0)" } ?? "")
            self.init(Code(rawValue: error.code.rawValue), message, argument: argument)
        case let error as HubError:
            let message = error.message + (error.underlying.map { ": \($0)" } ?? "")
            self.init(Code(rawValue: error.code.rawValue), message, offset: error.offset, argument: argument)
        case let error as TokenizerError:
            self.init(Code(rawValue: error.code.description), error.description, argument: argument)
        default:
            self.init(.failed, String(describing: error), argument: argument)
        }
    }

    public var description: String {
        var text = "\(code): \(message)"
        if let argument { text += " (argument \(argument)" + (offset.map { ", offset \($0))" } ?? ")") }
        return text
    }

    /// `{"error": {code, message, offset, argument}}`, the structured content of the tool error.
    public var json: JSONValue {
        .object([
            (
                "error",
                .object([
                    ("code", .string(code.rawValue)), ("message", .string(message)),
                    ("offset", offset.map(JSONValue.int) ?? .null), ("argument", .string(argument)),
                ])
            )
        ])
    }
}
