import MCP
import SlipstreamCore

extension JSONValue {
    /// The same value as the MCP SDK's `Value` (object keys lose their order).
    var mcpValue: Value {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array(let items): .array(items.map(\.mcpValue))
        case .object(let members): .object(Dictionary(members.map { ($0.0, $0.1.mcpValue) }, uniquingKeysWith: { $1 }))
        }
    }
}
