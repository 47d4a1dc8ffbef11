import ArgumentParser
import SlipstreamHub

/// `slipstream hub token revoke`: one token by its id, or every token of an agent.
struct HubTokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a token by its id, or every token of an agent. Prints what was revoked.",
        discussion: """
            Servers on the store refuse a revoked token from their next request on (401). Exit status 1 when \
            no token has that id or agent.
            """)

    @Argument(help: ArgumentHelp("A token id (tok_…, see `hub token list`) or an agent.", valueName: "agent-or-token-id"))
    var idOrAgent: String

    @OptionGroup var store: HubStoreOptions

    func run() async throws {
        try await store.withStore { store in
            let revoked = try await Hub(store: store).revokeTokens(idOrAgent)
            guard !revoked.isEmpty else { throw CommandFailure("no token has the id or agent \(idOrAgent)") }
            for token in revoked { Output.line("revoked \(token.id) of \(token.agent)") }
        }
    }
}
