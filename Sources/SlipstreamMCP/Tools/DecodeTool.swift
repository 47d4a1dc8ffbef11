import MCP
import SlipstreamCore

/// `slip_decode`: a wire's fields (`slipstream decode --json`).
struct DecodeTool: SlipTool {
    static let definition = Tool(
        name: "slip_decode",
        title: "Decode a SLIP wire",
        description: """
            Parse a SLIP v1 or v3 wire (e.g. 'SLIP v1 alice bob RequestReview auth_module') into its fields, \
            as `slipstream decode --json` prints them: version, src, dst, anchor, force, object, payload, \
            fallbackRef, canonical, coords. The lenient profile (default) repairs what models emit.
            """,
        inputSchema: JSONSchema.object(
            [
                "wire": JSONSchema.string("The wire line."),
                "profile": JSONSchema.choice("strict refuses wires that need repair.", default: WireParser.Profile.lenient),
            ], required: ["wire"]),
        annotations: .init(readOnlyHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object([
            "version": JSONSchema.type("string"), "src": JSONSchema.type("string"), "dst": JSONSchema.type("string"),
            "anchor": JSONSchema.type("string"), "force": JSONSchema.type("string"), "object": JSONSchema.type("string"),
            "payload": JSONSchema.array(JSONSchema.type("string")), "fallbackRef": JSONSchema.type("string", nullable: true),
            "canonical": JSONSchema.type("string", nullable: true),
            "coords": JSONSchema.array(JSONSchema.type("integer"), nullable: true),
        ]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let wire = try arguments.string("wire", maxBytes: .max)
        let profile = try arguments.choice("profile", default: WireParser.Profile.lenient)
        return ToolOutput(try context.parse(wire, profile: profile).json(renderer: Renderer()))
    }
}
