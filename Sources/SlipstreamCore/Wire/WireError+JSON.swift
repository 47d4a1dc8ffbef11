extension WireError {
    /// The error as JSON: `{code, kind, message, token, offset}` (`decode --json`'s `error`).
    public var json: JSONValue {
        .object([
            ("code", .string(code.rawValue)), ("kind", .string(kind.rawValue)), ("message", .string(message)),
            ("token", .string(token)), ("offset", offset.map(JSONValue.int) ?? .null),
        ])
    }
}
