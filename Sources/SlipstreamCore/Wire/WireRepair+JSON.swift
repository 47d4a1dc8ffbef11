extension WireRepair {
    /// The repair as JSON: `{code, offset, original, replacement}`.
    public var json: JSONValue {
        .object([
            ("code", .string(code.rawValue)), ("offset", .int(offset)), ("original", .string(original)),
            ("replacement", .string(replacement)),
        ])
    }
}
