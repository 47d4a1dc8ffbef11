import MCP
import SlipstreamCore

/// `slip_anchors`: a codebook's anchors (`slipstream anchors --json`).
struct AnchorsTool: SlipTool {
    static let definition = Tool(
        name: "slip_anchors",
        title: "List the anchors of a UCR codebook",
        description: """
            List the anchors of the v1 or v3 UCR codebook, each as `slipstream anchors --json` prints it: \
            index, mnemonic, force, object, canonical text, coords (action, polarity, domain, urgency), core, \
            state. Also returns the codebook's content hash.
            """,
        inputSchema: JSONSchema.object(["ucr": JSONSchema.choice("Which codebook.", default: WireVersion.v1)], required: []),
        annotations: .init(readOnlyHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object([
            "ucr": JSONSchema.type("string"), "hash": JSONSchema.type("string"), "count": JSONSchema.type("integer"),
            "anchors": JSONSchema.array(
                JSONSchema.object([
                    "index": JSONSchema.type("integer"), "mnemonic": JSONSchema.type("string"), "force": JSONSchema.type("string"),
                    "object": JSONSchema.type("string"), "canonical": JSONSchema.type("string"),
                    "coords": JSONSchema.array(JSONSchema.type("integer")), "core": JSONSchema.type("boolean"),
                    "state": JSONSchema.type("string"),
                ])),
        ]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let version = try arguments.choice("ucr", default: WireVersion.v1)
        let ucr = version == .v1 ? UCR.v1 : UCR.v3
        return ToolOutput(
            .object([
                ("ucr", .string(version.rawValue)), ("hash", .string(ucr.contentHash())), ("count", .int(ucr.anchors.count)),
                ("anchors", .array(ucr.anchors.map(\.json))),
            ]))
    }
}
