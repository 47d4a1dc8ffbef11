import MCP
import SlipstreamCore
import SlipstreamHub

/// `slip_send`: wires through the hub, each with its receipt or error (`slipstream hub send --json`).
struct SendTool: SlipTool {
    static let definition = Tool(
        name: "slip_send",
        title: "Send SLIP wires to other agents through the hub",
        description: """
            Send one wire (`wire`) or several (`wires`) through the hub to the wire's dst: an agent, or every \
            member of a group but the sender. Each wire's result is what `slipstream hub send --json` prints: \
            {line, id, recipients, wire, repairs} when accepted, {line, error: {code, message, offset, wireError, \
            retryAfter}} when refused (the other wires are still sent). `accepted` and `refused` count them. A wire \
            refused for the sender's rate is sent again after the wait the hub asks for, while the waits add up to \
            at most the server's longest wait (30 s unless configured); past that it is reported rate_limited.
            """,
        inputSchema: JSONSchema.object(
            [
                "wire": JSONSchema.string("One wire line, e.g. 'SLIP v1 alice reviewers RequestReview auth_module'."),
                "wires": .object([
                    "type": "array", "items": ["type": "string"], "description": "Several wire lines, sent in order.",
                ]),
            ], required: []),
        annotations: .init(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true),
        outputSchema: JSONSchema.object([
            "results": JSONSchema.array(HubSchemas.sendResult), "accepted": JSONSchema.type("integer"),
            "refused": JSONSchema.type("integer"),
        ]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let one = try arguments.optionalString("wire", maxBytes: .max)
        let many = try arguments.optionalStrings("wires", maxCount: context.configuration.limits.maxSendWires)
        let wires: [String]
        switch (one, many) {
        case (let wire?, nil): wires = [wire]
        case (nil, let list?) where !list.isEmpty: wires = list
        case (nil, _): throw SlipToolError(.missingArgument, "give the wire to send (wire), or a non-empty list (wires)", argument: "wire")
        case (_?, _?): throw SlipToolError(.invalidArgument, "give wire or wires, not both", argument: "wires")
        }
        var results: [JSONValue] = []
        var refused = 0
        for (index, wire) in wires.enumerated() {
            let outcome: Result<HubReceipt, HubError>
            do throws(HubError) {
                outcome = .success(
                    try await context.hub.send(wire, waitingOutRateLimitsFor: context.configuration.hubConfiguration.maxWait))
            } catch {
                outcome = .failure(error)
                refused += 1
            }
            results.append(HubReceipt.json(line: index + 1, outcome))
        }
        return ToolOutput(
            .object([("results", .array(results)), ("accepted", .int(wires.count - refused)), ("refused", .int(refused))]))
    }
}
