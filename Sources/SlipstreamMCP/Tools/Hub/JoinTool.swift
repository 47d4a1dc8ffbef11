import MCP
import SlipstreamCore
import SlipstreamHub

/// `slip_join`: adds an agent to a group (`slipstream hub join`).
struct JoinTool: SlipTool {
    static let definition = Tool(
        name: "slip_join",
        title: "Add an agent to a hub group",
        description: "Add an agent to a group: wires sent to the group reach the agent from then on. Returns {group, members}.",
        inputSchema: JSONSchema.object(["group": HubSchemas.group, "agent": HubSchemas.agent]),
        annotations: .init(readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true),
        outputSchema: HubSchemas.members)

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        try await MembersTool.change(arguments, context) { try await $0.join(group: $1, agent: $2) }
    }
}
