import SlipstreamCore

extension DatasetProblem {
    /// `{line, severity, code, message, repairs, repairedWire, firstLine}`.
    public var json: JSONValue {
        .object([
            ("line", .int(line)), ("severity", .string(severity.rawValue)), ("code", .string(code.rawValue)),
            ("message", .string(message)), ("repairs", .array(repairs.map(\.json))), ("repairedWire", .string(repairedWire)),
            ("firstLine", firstLine.map(JSONValue.int) ?? .null),
        ])
    }
}
