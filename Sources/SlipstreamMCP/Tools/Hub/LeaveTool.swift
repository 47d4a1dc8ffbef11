import MCP
import SlipstreamCore
import SlipstreamHub

/// `slip_leave`: removes an agent from a group (`slipstream hub leave`).
struct LeaveTool: SlipTool {
    static let definition = Tool(
        name: "slip_leave",
        title: "Remove an agent from a hub group",
        description: "Remove an agent from a group; what was already sent to it stays in its mailbox. Returns {group, members}.",
        inputSchema: JSONSchema.object(["group": HubSchemas.group, "agent": HubSchemas.agent]),
        annotations: .init(readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true),
        outputSchema: HubSchemas.members)

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        try await MembersTool.change(arguments, context) { try await $0.leave(group: $1, agent: $2) }
    }
}
