/// One row of a TQT JSONL file: a conversation of system, human and gpt turns.
///
/// Two layouts are read and written: ShareGPT (`{"conversations": [{"from": "human", "value": …}]}`,
/// roles `system` / `human` / `gpt`) and OpenAI chat (`{"messages": [{"role": "user", "content": …}]}`,
/// roles `system` / `user` / `assistant`). Either role name is accepted in either layout.
///
/// ```swift
/// let row = try DatasetRow(jsonLine: #"{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "SLIP v1 a b MetaAck"}]}"#)
/// row.human   // "hi"
/// row.gpt     // "SLIP v1 a b MetaAck"
/// ```
public struct DatasetRow: Sendable, Hashable {
    /// Which JSON shape the row has.
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// `{"conversations": [{"from": …, "value": …}]}`.
        case shareGPT = "sharegpt"
        /// `{"messages": [{"role": …, "content": …}]}`.
        case chat

        /// The member holding the turns.
        public var turnsKey: String { self == .shareGPT ? "conversations" : "messages" }
        /// The member naming a turn's role.
        public var roleKey: String { self == .shareGPT ? "from" : "role" }
        /// The member holding a turn's text.
        public var textKey: String { self == .shareGPT ? "value" : "content" }

        /// The layout's name for a role.
        public func name(of role: Role) -> String {
            switch (self, role) {
            case (_, .system): "system"
            case (.shareGPT, .human): "human"
            case (.shareGPT, .gpt): "gpt"
            case (.chat, .human): "user"
            case (.chat, .gpt): "assistant"
            }
        }
    }

    /// Who speaks a turn.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case system, human, gpt

        /// The role for a name in either layout (`human`/`user`, `gpt`/`assistant`, `system`).
        public init?(name: String) {
            switch name {
            case "system": self = .system
            case "human", "user": self = .human
            case "gpt", "assistant": self = .gpt
            default: return nil
            }
        }
    }

    /// One turn.
    public struct Turn: Sendable, Hashable {
        public var role: Role
        public var text: String

        public init(_ role: Role, _ text: String) {
            self.role = role
            self.text = text
        }
    }

    public var layout: Layout
    public var turns: [Turn]

    public init(layout: Layout = .shareGPT, turns: [Turn]) {
        self.layout = layout
        self.turns = turns
    }

    /// A system / human / gpt row (no system turn when `system` is nil).
    public init(layout: Layout = .shareGPT, system: String?, human: String, gpt: String) {
        self.init(layout: layout, turns: (system.map { [Turn(.system, $0)] } ?? []) + [Turn(.human, human), Turn(.gpt, gpt)])
    }

    /// The first turn of `role`'s text.
    public func text(of role: Role) -> String? { turns.first { $0.role == role }?.text }

    /// How many turns `role` has.
    public func count(of role: Role) -> Int { turns.count { $0.role == role } }

    /// The system prompt (the first system turn).
    public var system: String? { text(of: .system) }
    /// The message (the first human turn).
    public var human: String? { text(of: .human) }
    /// The answer, a TQT record (the first gpt turn).
    public var gpt: String? { text(of: .gpt) }

    /// The row with the first turn of `role` set to `text` (a system turn is added first when missing).
    public func replacing(_ role: Role, with text: String) -> DatasetRow {
        var row = self
        if let index = row.turns.firstIndex(where: { $0.role == role }) {
            row.turns[index].text = text
        } else if role == .system {
            row.turns.insert(Turn(.system, text), at: 0)
        } else {
            row.turns.append(Turn(role, text))
        }
        return row
    }
}
