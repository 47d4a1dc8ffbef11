import ArgumentParser
import SlipstreamHub

/// `slipstream hub token list`: the tokens in the store, never their secrets.
struct HubTokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the agents' tokens, oldest first: id, agent and when it was issued (never the token).")

    @Flag(help: "Print one JSON object per token: id, agent, createdAt.")
    var json = false

    @OptionGroup var store: HubStoreOptions

    func run() async throws {
        try await store.withStore { store in
            for token in try await Hub(store: store).tokens() {
                if json { Output.json(token.json) } else { Output.line("\(token.id) \(token.agent) \(HubTime.iso8601(token.createdAt))") }
            }
        }
    }
}
