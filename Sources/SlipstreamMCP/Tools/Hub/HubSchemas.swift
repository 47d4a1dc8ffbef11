import MCP

/// The JSON schemas the hub tools share: their arguments and the objects of `slipstream hub … --json`.
enum HubSchemas {
    static let agent = JSONSchema.string("An agent id: [A-Za-z0-9._-]+, at most 64 bytes.")
    static let group = JSONSchema.string("A group name: [A-Za-z0-9._-]+, at most 64 bytes (a group nobody joined is an agent).")

    /// A HubError as JSON (docs/hub.md): code, message, offset, wireError, retryAfter.
    static let error = JSONSchema.object(
        [
            "code": JSONSchema.type("string"), "message": JSONSchema.type("string"), "offset": JSONSchema.type("integer", nullable: true),
            "wireError": JSONSchema.nullable(
                JSONSchema.object(
                    [
                        "code": JSONSchema.type("string"), "kind": JSONSchema.type("string"), "message": JSONSchema.type("string"),
                        "token": JSONSchema.type("string", nullable: true), "offset": JSONSchema.type("integer", nullable: true),
                    ], required: ["code", "message"])),
            "retryAfter": JSONSchema.type("number", nullable: true),
        ], required: ["code", "message"])

    /// One line's result of `hub send --json`: a receipt, or the line's error.
    static let sendResult = JSONSchema.object(
        [
            "line": JSONSchema.type("integer"), "id": JSONSchema.type("integer"), "recipients": JSONSchema.array(JSONSchema.type("string")),
            "wire": JSONSchema.type("string"),
            "repairs": JSONSchema.array(
                JSONSchema.object([
                    "code": JSONSchema.type("string"), "offset": JSONSchema.type("integer"), "original": JSONSchema.type("string"),
                    "replacement": JSONSchema.type("string"),
                ])),
            "error": error,
        ], required: ["line"])

    /// A message as `hub recv --json` prints it.
    static let message = JSONSchema.object([
        "id": JSONSchema.type("integer"), "src": JSONSchema.type("string"), "dst": JSONSchema.type("string"),
        "recipient": JSONSchema.type("string"), "wire": JSONSchema.type("string"), "version": JSONSchema.type("string"),
        "sentAt": JSONSchema.type("string"),
    ])

    /// `{group, members}`, as the hub server answers a membership request.
    static let members = JSONSchema.object(["group": JSONSchema.type("string"), "members": JSONSchema.array(JSONSchema.type("string"))])
}
