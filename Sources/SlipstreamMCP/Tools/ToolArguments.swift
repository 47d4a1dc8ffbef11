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

extension ToolArguments {
    /// An integer argument of at least `minimum`; `nil` when absent (or JSON null).
    func optionalInteger(_ name: String, minimum: Int) throws(SlipToolError) -> Int? {
        guard let value = values[name], !value.isNull else { return nil }
        let integer: Int? =
            switch value {
            case .int(let integer): integer
            case .double(let double) where double == double.rounded() && abs(double) < 1e15: Int(double)
            default: nil
            }
        guard let integer, integer >= minimum else {
            throw SlipToolError(.invalidArgument, "\(name) must be an integer of at least \(minimum), not \(value)", argument: name)
        }
        return integer
    }

    /// A number argument of at least 0; `nil` when absent (or JSON null).
    func optionalSeconds(_ name: String) throws(SlipToolError) -> Double? {
        guard let value = values[name], !value.isNull else { return nil }
        let number: Double? =
            switch value {
            case .int(let integer): Double(integer)
            case .double(let double): double
            default: nil
            }
        guard let number, number >= 0, number.isFinite else {
            throw SlipToolError(.invalidArgument, "\(name) must be a number of seconds, at least 0, not \(value)", argument: name)
        }
        return number
    }

    /// A boolean argument, `defaultValue` when absent (or JSON null).
    func bool(_ name: String, default defaultValue: Bool) throws(SlipToolError) -> Bool {
        guard let value = values[name], !value.isNull else { return defaultValue }
        guard case .bool(let bool) = value else {
            throw SlipToolError(.invalidArgument, "\(name) must be true or false, not \(value)", argument: name)
        }
        return bool
    }

    /// An array-of-strings argument of at most `maxCount` items; `nil` when absent (or JSON null).
    func optionalStrings(_ name: String, maxCount: Int) throws(SlipToolError) -> [String]? {
        guard let value = values[name], !value.isNull else { return nil }
        guard case .array(let items) = value else {
            throw SlipToolError(.invalidArgument, "\(name) must be an array of strings, not \(value)", argument: name)
        }
        guard items.count <= maxCount else {
            throw SlipToolError(
                .invalidArgument, "\(name) has \(items.count) items, more than the limit of \(maxCount)", argument: name)
        }
        return try items.enumerated().map { (index, item) throws(SlipToolError) in
            guard let string = item.stringValue else {
                throw SlipToolError(.invalidArgument, "\(name)[\(index)] must be a string, not \(item)", argument: name)
            }
            return string
        }
    }
}
