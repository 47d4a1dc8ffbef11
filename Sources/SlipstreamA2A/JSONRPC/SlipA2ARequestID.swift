import SlipstreamCore

/// A JSON-RPC request id: a string or an integer (the kinds A2A's SDKs accept).
public enum SlipA2ARequestID: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral
{
    case int(Int)
    case string(String)

    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }

    /// The id of a JSON value; nil for any other kind of value than a string or an integer.
    public init?(json: JSONValue) {
        switch json {
        case .int(let value): self = .int(value)
        case .string(let value): self = .string(value)
        default: return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .int(let value): .int(value)
        case .string(let value): .string(value)
        }
    }

    /// The id as JSON: `1`, `"r1"`.
    public var description: String { json.compactText }
}
