import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DatasetRow {
    /// Reads one JSONL line; the error says what is wrong with its shape (the caller adds file and line).
    public init(jsonLine line: some StringProtocol) throws(DatasetError) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        } catch {
            throw DatasetError(.notJSON, "the line is not JSON (\(Self.reason(error)))")
        }
        try self.init(json: value)
    }

    /// Reads a decoded row.
    public init(json value: JSONValue) throws(DatasetError) {
        guard case .object = value else {
            throw DatasetError(
                .wrongShape, "the row is a JSON \(value.kindName), expected an object with \"conversations\" or \"messages\"")
        }
        let layout: Layout
        let list: JSONValue
        if let turns = value["conversations"] {
            (layout, list) = (.shareGPT, turns)
        } else if let turns = value["messages"] {
            (layout, list) = (.chat, turns)
        } else {
            throw DatasetError(.wrongShape, "the row has no \"conversations\" or \"messages\" member")
        }
        guard let items = list.arrayValue else {
            throw DatasetError(.wrongShape, "\"\(layout.turnsKey)\" is a \(list.kindName), expected an array of turns")
        }
        var turns: [Turn] = []
        for (index, item) in items.enumerated() {
            let place = "turn \(index + 1) of \"\(layout.turnsKey)\""
            guard case .object = item else { throw DatasetError(.wrongShape, "\(place) is a \(item.kindName), expected an object") }
            guard let name = (item[layout.roleKey] ?? item["from"] ?? item["role"])?.stringValue else {
                throw DatasetError(.wrongShape, "\(place) has no string \"\(layout.roleKey)\"")
            }
            guard let role = Role(name: name) else {
                throw DatasetError(
                    .wrongShape, "\(place) has role \(name.debugDescription); expected system, human/user or gpt/assistant")
            }
            guard let text = (item[layout.textKey] ?? item["value"] ?? item["content"])?.stringValue else {
                throw DatasetError(.wrongShape, "\(place) (\(name)) has no string \"\(layout.textKey)\"")
            }
            turns.append(Turn(role, text))
        }
        let missing = [Role.human, .gpt].filter { role in !turns.contains { $0.role == role } }
        guard missing.isEmpty else {
            let names = missing.map { "\(layout.name(of: $0))" }.joined(separator: " and ")
            throw DatasetError(.missingTurn, "the conversation has no \(names) turn")
        }
        self.init(layout: layout, turns: turns)
    }

    /// The row as JSON in its layout (`{"conversations": [{"from", "value"}…]}` or
    /// `{"messages": [{"role", "content"}…]}`).
    public var json: JSONValue {
        .object([
            (
                layout.turnsKey,
                .array(turns.map { .object([(layout.roleKey, .string(layout.name(of: $0.role))), (layout.textKey, .string($0.text))]) })
            )
        ])
    }

    /// A decoder error in a few words.
    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = context.underlyingError.map { "\($0)" } ?? ""
            return underlying.isEmpty ? context.debugDescription : underlying
        }
        return "\(error)"
    }
}
