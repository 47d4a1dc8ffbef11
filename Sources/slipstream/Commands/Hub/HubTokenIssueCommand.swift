import ArgumentParser
import SlipstreamCore
import SlipstreamHub

/// `slipstream hub token issue`: a new token for an agent, printed once.
struct HubTokenIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a token for an agent and print it: the only time it is shown.",
        discussion: """
            Prints the token alone on stdout (TOKEN=$(slipstream hub token issue alice)), and its id on stderr. \
            The store keeps only its SHA-256: a lost token cannot be shown again; revoke it and issue another.
            """)

    @Argument(help: "The agent the token acts as.")
    var agent: String

    @Flag(help: "Print one JSON object: id, agent, createdAt, token.")
    var json = false

    @OptionGroup var store: HubStoreOptions

    func run() async throws {
        try await store.withStore { store in
            let (token, secret) = try await Hub(store: store).issueToken(for: agent)
            if json {
                Output.json(token.json(secret: secret))
            } else {
                Output.line(secret)
                Output.error("issued \(token.id) for \(agent): keep the token, it is not shown again")
            }
        }
    }
}
