import ArgumentParser
import SlipstreamHub
import SlipstreamStores

/// Where a hub keeps its messages: shared by the `hub` commands.
struct HubStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(StoreLocation.help("the hub's messages", defaultFile: "hub.sqlite"), valueName: "path-or-url"))
    var store: String?

    /// Runs `body` with the store the options name (see ``StoreLocation/withHubStore(_:)``).
    func withStore<Result: Sendable>(_ body: (any HubStore) async throws -> Result) async throws -> Result {
        try await StoreLocation(store, defaultFile: "hub.sqlite").withHubStore(body)
    }
}
