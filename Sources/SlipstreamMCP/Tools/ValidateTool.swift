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
        annotations: .init(readOnlyHint: true, openWorldHint: false))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let wire = try arguments.string("wire", maxBytes: .max)
        let profile = try arguments.choice("profile", default: WireParser.Profile.strict)
        return ToolOutput(WireValidation(wire, profile: profile, configuration: context.parserConfiguration).json())
    }
}
