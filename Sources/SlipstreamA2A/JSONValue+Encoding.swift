import SlipstreamCore

/// Encodes a ``JSONValue`` through any `Encoder`, so the SLIP-A2A types are `Encodable` (the core's
/// `JSONValue` is only `Decodable`). Object members are passed in order; the encoder decides the output order.
struct EncodableJSON: Encodable {
    var value: JSONValue

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(EncodableJSON(value: item)) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in members { try container.encode(EncodableJSON(value: member), forKey: Key(stringValue: key)) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let bool):
            var container = encoder.singleValueContainer()
            try container.encode(bool)
        case .int(let int):
            var container = encoder.singleValueContainer()
            try container.encode(int)
        case .double(let double):
            var container = encoder.singleValueContainer()
            try container.encode(double)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        }
    }
}

extension JSONValue {
    /// The value with every object's members sorted by key: equal for documents that differ only in member
    /// order (Foundation's decoder does not keep the order of a document's members).
    var sortingMembers: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.sortingMembers))
        case .object(let members): .object(members.map { ($0.0, $0.1.sortingMembers) }.sorted { $0.0 < $1.0 })
        default: self
        }
    }
}
