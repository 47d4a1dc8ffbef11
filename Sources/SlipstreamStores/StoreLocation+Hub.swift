import SlipstreamHub
import SlipstreamPostgres
import SlipstreamSQLite

extension StoreLocation {
    /// Runs `body` with the hub store at this location; a PostgreSQL store's client runs while `body` does.
    public func withHubStore<Result: Sendable>(_ body: (any HubStore) async throws -> Result) async throws -> Result {
        switch self {
        case .memory:
            return try await body(InMemoryHubStore())
        case .postgres(let url):
            return try await PostgresHubStore.withStore(url: url) { try await body($0) }
        case .file(let path):
            return try await body(try SQLiteHubStore(path: path))
        case .cacheFile(let name):
            let path = try Self.cachePath(name) { HubError(.storage, "\($0) for the hub store", underlying: $1) }
            return try await body(try SQLiteHubStore(path: path))
        }
    }
}
