import SlipstreamHub
import SlipstreamPostgres
import SlipstreamSQLite

extension StoreLocation {
    /// Runs `body` with the hub store at this location; a PostgreSQL store's client runs while `body` does.
    /// A SQLite file is opened at once, or, when `lazily` (the MCP server), when the hub first needs it
    /// (``LazyHubStore``), as ``withFallbackStore(_:)`` does.
    public func withHubStore<Result: Sendable>(
        lazily: Bool = false, _ body: (any HubStore) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .memory:
            return try await body(InMemoryHubStore())
        case .postgres(let url):
            return try await PostgresHubStore.withStore(url: url) { try await body($0) }
        case .file(let path):
            return try await body(lazily ? LazyHubStore { try SQLiteHubStore(path: path) } : try SQLiteHubStore(path: path))
        case .cacheFile(let name):
            let open: @Sendable () throws -> any HubStore = {
                let path = try Self.cachePath(name) { HubError(.storage, "\($0) for the hub store", underlying: $1) }
                return try SQLiteHubStore(path: path)
            }
            return try await body(lazily ? LazyHubStore(open) : try open())
        }
    }
}
