import MCP
import SlipstreamCore

/// `slip_validate`: a wire's verdict under a profile (`slipstream validate --json`).
struct ValidateTool: SlipTool {
    static let definition = Tool(
        name: "slip_validate",
        title: "Validate a SLIP wire",
        description: """
            Check a wire against a profile, as `slipstream validate --json` does (without its line number): \
            valid, error {code, message, offset}, normalized (the lenient parser's repaired wire) and repairs. \
            An invalid wire is a result (valid: false), not a tool error.
            """,
        inputSchema: JSONSchema.object(
            [
                "wire": JSONSchema.string("The wire line."),
                "profile": JSONSchema.choice(
                    "strict accepts exactly the grammar; lenient every wire it can repair.", default: WireParser.Profile.strict),
            ], required: ["wire"]),
        annotations: .init(readOnlyHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object([
            "valid": JSONSchema.type("boolean"),
            "error": JSONSchema.nullable(
                JSONSchema.object([
                    "code": JSONSchema.type("string"), "message": JSONSchema.type("string"),
                    "offset": JSONSchema.type("integer", nullable: true),
                ])),
            "normalized": JSONSchema.type("string", nullable: true),
            "repairs": JSONSchema.array(
                JSONSchema.object([
                    "code": JSONSchema.type("string"), "offset": JSONSchema.type("integer"), "original": JSONSchema.type("string"),
                    "replacement": JSONSchema.type("string"),
                ])),
        ]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let wire = try arguments.string("wire", maxBytes: .max)
        let profile = try arguments.choice("profile", default: WireParser.Profile.strict)
        return ToolOutput(WireValidation(wire, profile: profile, configuration: context.parserConfiguration).json())
    }
}
