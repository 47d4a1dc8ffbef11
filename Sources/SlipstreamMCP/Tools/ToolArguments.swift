import MCP

/// The arguments of one tool call, read by name with the server's limits; every accessor throws a
/// ``SlipToolError`` naming the argument.
struct ToolArguments: Sendable {
    private let values: [String: Value]

    /// Checks that every argument is one the tool takes.
    init(_ values: [String: Value]?, allowed: some Sequence<String>) throws(SlipToolError) {
        self.values = values ?? [:]
        let allowed = Set(allowed)
        if let unknown = self.values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw SlipToolError(
                .unknownArgument,
                "unknown argument \(unknown.debugDescription); this tool takes \(allowed.sorted().joined(separator: ", "))",
                argument: unknown)
        }
    }

    /// A string argument, at most `maxBytes` UTF-8 bytes; `nil` when absent (or JSON null).
    func optionalString(_ name: String, maxBytes: Int) throws(SlipToolError) -> String? {
        guard let value = values[name], !value.isNull else { return nil }
        guard let string = value.stringValue else {
            throw SlipToolError(.invalidArgument, "\(name) must be a string, not \(value)", argument: name)
        }
        let bytes = string.utf8.count
        guard bytes <= maxBytes else {
            throw SlipToolError(
                .argumentTooLong, "\(name) is \(bytes) bytes, longer than the limit of \(maxBytes)", offset: maxBytes,
                argument: name)
        }
        return string
    }

    /// A required string argument, at most `maxBytes` UTF-8 bytes. (Wires are read with no limit here:
    /// the wire parser refuses one over `limits.maxWireBytes` as `line_too_long`, as the CLI does.)
    func string(_ name: String, maxBytes: Int) throws(SlipToolError) -> String {
        guard let string = try optionalString(name, maxBytes: maxBytes) else {
            throw SlipToolError(.missingArgument, "\(name) is required", argument: name)
        }
        return string
    }

    /// One of a closed set of strings, `defaultValue` when absent (required when `defaultValue` is `nil`).
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, default defaultValue: Choice?
    ) throws(SlipToolError)
        -> Choice where Choice.RawValue == String
    {
        guard let raw = try optionalString(name, maxBytes: 64) else {
            guard let defaultValue else { throw SlipToolError(.missingArgument, "\(name) is required", argument: name) }
            return defaultValue
        }
        guard let choice = Choice(rawValue: raw) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw SlipToolError(.invalidArgument, "\(name) is \(raw.debugDescription); expected one of \(allowed)", argument: name)
        }
        return choice
    }
}
