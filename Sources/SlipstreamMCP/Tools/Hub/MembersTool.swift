import MCP
import SlipstreamCore
import SlipstreamHub

/// `slip_members`: a group's members.
struct MembersTool: SlipTool {
    static let definition = Tool(
        name: "slip_members",
        title: "List the members of a hub group",
        description: "List the members of a group, sorted (empty for a group nobody joined). Returns {group, members}.",
        inputSchema: JSONSchema.object(["group": HubSchemas.group]),
        annotations: .init(readOnlyHint: true, openWorldHint: true),
        outputSchema: HubSchemas.members)

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        try await Self.output(of: try arguments.string("group", maxBytes: context.configuration.limits.maxTextBytes), context)
    }

    /// `slip_join` and `slip_leave`: reads the `group` and `agent` arguments, makes `change` with them and
    /// answers the group's members after it.
    static func change(
        _ arguments: ToolArguments, _ context: ToolContext,
        _ change: (_ hub: any HubEndpoint, _ group: String, _ agent: String) async throws -> Void
    ) async throws -> ToolOutput {
        let limit = context.configuration.limits.maxTextBytes
        let group = try arguments.string("group", maxBytes: limit)
        try await change(context.hub, group, try arguments.string("agent", maxBytes: limit))
        return try await output(of: group, context)
    }

    /// `{group, members}` (what the hub server answers a membership request): the group's members now.
    static func output(of group: String, _ context: ToolContext) async throws -> ToolOutput {
        let members = try await context.hub.members(of: group)
        return ToolOutput(.object([("group", .string(group)), ("members", .array(members.map(JSONValue.string)))]))
    }
}
