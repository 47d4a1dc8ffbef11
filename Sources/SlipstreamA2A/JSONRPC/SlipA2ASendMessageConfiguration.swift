import SlipstreamCore

/// A SendMessage request's `configuration` (A2A 1.0's `SendMessageConfiguration`): the output modes the client
/// accepts, how much task history to return, whether to return at once; other members (such as
/// `taskPushNotificationConfig`) pass through.
public struct SlipA2ASendMessageConfiguration: Sendable, Hashable {
    /// Media types the client accepts in the answer (`text/slip`, `text/plain`).
    public var acceptedOutputModes: [String]?
    /// How many history messages a Task answer carries at most.
    public var historyLength: Int?
    /// Whether the agent answers at once with the Task it started instead of waiting for a terminal or
    /// interrupted state.
    public var returnImmediately: Bool?
    /// Members this type does not name, passed through in order.
    public var other: [(String, JSONValue)]

    public init(
        acceptedOutputModes: [String]? = nil, historyLength: Int? = nil, returnImmediately: Bool? = nil,
        other: [(String, JSONValue)] = []
    ) {
        self.acceptedOutputModes = acceptedOutputModes
        self.historyLength = historyLength
        self.returnImmediately = returnImmediately
        self.other = other.filter { !Self.named.contains($0.0) }
    }

    static let named: Set<String> = ["acceptedOutputModes", "historyLength", "returnImmediately"]

    /// The configuration, in the proto's field order.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if let acceptedOutputModes { members.append(("acceptedOutputModes", .array(acceptedOutputModes.map(JSONValue.string)))) }
        if let historyLength { members.append(("historyLength", .int(historyLength))) }
        if let returnImmediately { members.append(("returnImmediately", .bool(returnImmediately))) }
        return .object(members + other)
    }

    /// Reads a configuration; `path` names it in errors (`params.configuration`).
    public init(json: JSONValue, path: String) throws(SlipA2AError) {
        guard case .object(let members) = json else {
            throw SlipA2AError(.malformedMessage, "configuration is a \(json.kindName), not an object", field: path)
        }
        var modes: [String]?
        if let items = try json.optionalArray("acceptedOutputModes", path: path + ".") {
            modes = []
            for (i, item) in items.enumerated() {
                guard let mode = item.stringValue else {
                    throw SlipA2AError(
                        .malformedMessage, "an output mode is a \(item.kindName), not a string",
                        field: "\(path).acceptedOutputModes[\(i)]")
                }
                modes?.append(mode)
            }
        }
        var historyLength: Int?
        switch json["historyLength"] {
        case nil, .null?: break
        case .int(let value)? where value >= 0: historyLength = value
        case let value?:
            throw SlipA2AError(
                .malformedMessage, "historyLength is \(value.compactText), not a count", field: "\(path).historyLength")
        }
        var returnImmediately: Bool?
        switch json["returnImmediately"] {
        case nil, .null?: break
        case .bool(let value)?: returnImmediately = value
        case let value?:
            throw SlipA2AError(
                .malformedMessage, "returnImmediately is a \(value.kindName), not a boolean", field: "\(path).returnImmediately")
        }
        self.init(acceptedOutputModes: modes, historyLength: historyLength, returnImmediately: returnImmediately, other: members)
    }

    /// Equal when the JSON is, whatever the order of object members.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.json.sortingMembers == rhs.json.sortingMembers }
    public func hash(into hasher: inout Hasher) { hasher.combine(json.sortingMembers) }
}
