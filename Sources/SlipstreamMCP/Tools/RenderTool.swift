import MCP
import SlipstreamCore

/// `slip_render`: a wire for people, and as an audit log line.
struct RenderTool: SlipTool {
    static let definition = Tool(
        name: "slip_render",
        title: "Render a SLIP wire for people",
        description: """
            Render a wire as one human-readable line ('[alice -> bob] RequestReview: "Request review of work" \
            (payload: auth_module)', what `slipstream decode` prints) and as an audit log line \
            ('alice->bob | RequestReview | Request review of work | payload=auth_module | ref=-').
            """,
        inputSchema: JSONSchema.object(["wire": JSONSchema.string("The wire line.")], required: ["wire"]),
        annotations: .init(readOnlyHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object(["human": JSONSchema.type("string"), "log": JSONSchema.type("string")]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let message = try context.parse(try arguments.string("wire", maxBytes: .max))
        let renderer = Renderer()
        return ToolOutput(.object([("human", .string(renderer.human(message))), ("log", .string(renderer.logLine(message)))]))
    }
}
