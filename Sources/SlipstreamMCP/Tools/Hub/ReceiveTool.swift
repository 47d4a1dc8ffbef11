import MCP
import SlipstreamCore
import SlipstreamHub

/// `slip_receive`: an agent's messages, acknowledged unless told not to (`slipstream hub recv --json`).
struct ReceiveTool: SlipTool {
    static let definition = Tool(
        name: "slip_receive",
        title: "Receive an agent's SLIP messages from the hub",
        description: """
            Return an agent's unacknowledged messages, oldest first, each as `slipstream hub recv --json` prints \
            it: id, src, dst, recipient, wire, version, sentAt. With wait_seconds, waits for a first message \
            (up to the server's limit). By default the messages are acknowledged, so they are not received again; \
            with ack: false they are (acknowledge later with slip_ack).
            """,
        inputSchema: JSONSchema.object(
            [
                "agent": HubSchemas.agent,
                "limit": .object(["type": "integer", "minimum": 1, "description": "Most messages to return (the hub caps it)."]),
                "wait_seconds": .object([
                    "type": "number", "minimum": 0, "default": 0,
                    "description": "Seconds to wait for a first message when there is none (capped by the server).",
                ]),
                "ack": .object(["type": "boolean", "default": true, "description": "Acknowledge the messages returned."]),
            ], required: ["agent"]),
        annotations: .init(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true),
        outputSchema: JSONSchema.object([
            "messages": JSONSchema.array(HubSchemas.message),
            "acknowledgedThrough": JSONSchema.type("integer", nullable: true),
        ]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let agent = try arguments.string("agent", maxBytes: context.configuration.limits.maxTextBytes)
        let limit = try arguments.optionalInteger("limit", minimum: 1)
        let seconds = try arguments.optionalSeconds("wait_seconds") ?? 0
        let ack = try arguments.bool("ack", default: true)
        let hub = context.hub
        let wait = min(HubTime.duration(seconds: min(seconds, 86_400)), context.configuration.hubConfiguration.maxWait)
        // A wait ends early when the client cancels the call (no answer, nothing acknowledged), and when the
        // session ends (the client closed its input): the receive then answers with what is there, as
        // without a wait, so piped requests are all answered.
        let waited: [HubMessage]?
        do {
            waited = try await context.session.interruptible {
                try await hub.receive(agent: agent, after: 0, limit: limit, wait: wait)
            }
        } catch {
            try Task.checkCancellation()  // a hub server's request fails when cancelled: no answer then
            throw error
        }
        try Task.checkCancellation()
        let messages: [HubMessage]
        if let waited {
            messages = waited
        } else {
            messages = try await hub.receive(agent: agent, after: 0, limit: limit, wait: .zero)
        }
        var through: Int64?
        if ack, let last = messages.last {
            through = try await hub.acknowledge(agent: agent, through: last.id)
        }
        return ToolOutput(
            .object([
                ("messages", .array(messages.map(\.json))), ("acknowledgedThrough", through.map { .int(Int($0)) } ?? .null),
            ]))
    }
}
