/// A hub as one agent, for a caller that authenticated with that agent's token (``Hub/authenticate(_:)``):
/// it sends wires whose `src` is the agent, reads and acknowledges the agent's mailbox, joins and leaves
/// groups as the agent, and reads any group's members. Anything else is refused with
/// ``HubError/Code/forbidden``, saying so. The hub server and the MCP server over HTTP act so for agent
/// tokens.
///
/// ```swift
/// guard let token = try await hub.authenticate(secret) else { throw … }
/// let alice = AgentHub(hub: hub, agent: token.agent)
/// try await alice.send("SLIP v1 alice bob RequestReview auth_module")  // bob's src would be forbidden
/// ```
public struct AgentHub: HubEndpoint {
    /// The hub acted on.
    public let hub: Hub
    /// The agent it acts as.
    public let agent: String

    public init(hub: Hub, agent: String) {
        self.hub = hub
        self.agent = agent
    }

    public func send(_ line: String) async throws(HubError) -> HubReceipt {
        try await hub.send(line, as: agent)
    }

    public func receive(agent: String, after: Int64, limit: Int?, wait: Duration) async throws(HubError) -> [HubMessage] {
        try await hub.receive(agent: authorize(agent, "read the mailbox of"), after: after, limit: limit, wait: wait)
    }

    @discardableResult
    public func acknowledge(agent: String, through id: Int64) async throws(HubError) -> Int64 {
        try await hub.acknowledge(agent: authorize(agent, "acknowledge the messages of"), through: id)
    }

    public func join(group: String, agent: String) async throws(HubError) {
        try await hub.join(group: group, agent: authorize(agent, "add", "to the group \(group.debugDescription)"))
    }

    public func leave(group: String, agent: String) async throws(HubError) {
        try await hub.leave(group: group, agent: authorize(agent, "remove", "from the group \(group.debugDescription)"))
    }

    public func members(of group: String) async throws(HubError) -> [String] {
        try await hub.members(of: group)
    }

    /// Refused: the stats list every mailbox, the operator's view.
    public func stats() async throws(HubError) -> HubStats {
        throw HubError(
            .forbidden,
            "the token of agent \(agent.debugDescription) cannot read the hub's stats: they list every mailbox and need the admin token")
    }

    /// `other` when it is this agent; else a ``HubError/Code/forbidden`` error: "the token of agent A cannot
    /// `doing` B `rest`".
    public func authorize(_ other: String, _ doing: String, _ rest: String = "") throws(HubError) -> String {
        guard other != agent else { return other }
        throw HubError(
            .forbidden,
            "the token of agent \(agent.debugDescription) cannot \(doing) \(other.prefix(80).debugDescription)\(rest.isEmpty ? "" : " " + rest): "
                + "an agent token acts only as its agent")
    }
}
