import ArgumentParser
import SlipstreamHub
import SlipstreamPostgres
import SlipstreamSQLite

/// Where a hub keeps its messages: shared by the `hub` commands.
struct HubStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(StoreLocation.help("the hub's messages", defaultFile: "hub.sqlite"), valueName: "path-or-url"))
    var store: String?

    /// Runs `body` with the store the options name; a PostgreSQL store's client runs while `body` does.
    func withStore<Result: Sendable>(_ body: (any HubStore) async throws -> Result) async throws -> Result {
        let location = StoreLocation(store, defaultFile: "hub.sqlite")
        switch location {
        case .memory:
            return try await body(InMemoryHubStore())
        case .postgres(let url):
            return try await PostgresHubStore.withStore(url: url) { try await body($0) }
        case .sqlite(let path, _):
            try location.makeFolder { HubError(.storage, "\($0) for the hub store", underlying: $1) }
            return try await body(try SQLiteHubStore(path: path))
        }
    }
}
