import ArgumentParser

/// `slipstream hub token`: the agents' tokens for a hub server, kept in the hub's store.
struct HubTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue, revoke and list the agents' tokens for hub servers on a store.",
        discussion: """
            A hub server (`slipstream hub serve` with --token or --agent-tokens) lets a request carrying an agent's \
            token act only as that agent: send wires whose src is the agent, read and acknowledge its mailbox, \
            join and leave groups as it. The tokens are kept in the store (only their SHA-256), so every server \
            on it knows them; these commands work on the store (--store), not over HTTP.
            """,
        subcommands: [HubTokenIssueCommand.self, HubTokenRevokeCommand.self, HubTokenListCommand.self])
}
