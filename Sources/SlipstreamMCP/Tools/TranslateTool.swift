import MCP
import SlipstreamCore

/// `slip_translate`: v1 ↔ v3 with the server's fallback store (`slipstream translate`).
struct TranslateTool: SlipTool {
    static let definition = Tool(
        name: "slip_translate",
        title: "Translate a SLIP wire between v1 and v3",
        description: """
            Translate a wire to another version, as `slipstream translate --to` does. A v1 Fallback's text \
            goes into the server's fallback store and the v3 wire carries its ref, which translating back to \
            v1 resolves. Returns wire, and losses: what could not be carried over exactly.
            """,
        inputSchema: JSONSchema.object(
            [
                "wire": JSONSchema.string("The wire line (v1 or v3)."),
                "to": JSONSchema.choice("The target version.", default: WireVersion?.none),
            ], required: ["wire", "to"]),
        annotations: .init(readOnlyHint: false, idempotentHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object(["wire": JSONSchema.type("string"), "losses": JSONSchema.array(JSONSchema.type("string"))]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let wire = try arguments.string("wire", maxBytes: .max)
        let version = try arguments.choice("to", default: WireVersion?.none)
        let message = try context.parse(wire)
        let translation = try await Translator(store: context.store).translate(message, to: version)
        return ToolOutput(
            .object([
                ("wire", .string(translation.message.wire)), ("losses", .array(translation.losses.map(JSONValue.string))),
            ]))
    }
}
