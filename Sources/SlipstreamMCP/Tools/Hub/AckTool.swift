import MCP
import SlipstreamCore
import SlipstreamHub

/// `slip_ack`: acknowledges an agent's messages through an id.
struct AckTool: SlipTool {
    static let definition = Tool(
        name: "slip_ack",
        title: "Acknowledge an agent's SLIP messages",
        description: """
            Acknowledge an agent's messages up to and including the id `through` (after slip_receive with \
            ack: false): they are not received again. Returns {agent, through}, the agent's cursor, which never \
            moves backwards nor past the agent's newest message.
            """,
        inputSchema: JSONSchema.object(
            [
                "agent": HubSchemas.agent,
                "through": .object(["type": "integer", "minimum": 0, "description": "The id of the last message to acknowledge."]),
            ], required: ["agent", "through"]),
        annotations: .init(readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true),
        outputSchema: JSONSchema.object(["agent": JSONSchema.type("string"), "through": JSONSchema.type("integer")]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let agent = try arguments.string("agent", maxBytes: context.configuration.limits.maxTextBytes)
        guard let through = try arguments.optionalInteger("through", minimum: 0) else {
            throw SlipToolError(.missingArgument, "through is required", argument: "through")
        }
        let cursor = try await context.hub.acknowledge(agent: agent, through: Int64(through))
        return ToolOutput(.object([("agent", .string(agent)), ("through", .int(Int(cursor)))]))
    }
}
