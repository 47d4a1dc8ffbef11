import SlipstreamCore
import SlipstreamPostgres
import SlipstreamSQLite

extension StoreLocation {
    /// Runs `body` with the fallback store at this location; a PostgreSQL store's client runs while `body`
    /// does, a SQLite file is opened when a Fallback first needs it (``LazyFallbackStore``).
    public func withFallbackStore<Result: Sendable>(_ body: (any FallbackStore) async throws -> Result) async throws -> Result {
        switch self {
        case .memory:
            return try await body(InMemoryFallbackStore())
        case .postgres(let url):
            return try await PostgresFallbackStore.withStore(url: url) { try await body($0) }
        case .file(let path):
            return try await body(LazyFallbackStore { try SQLiteFallbackStore(path: path) })
        case .cacheFile(let name):
            return try await body(
                LazyFallbackStore {
                    let path = try Self.cachePath(name) { FallbackStoreError(.storage, "\($0) for the fallback store", underlying: $1) }
                    return try SQLiteFallbackStore(path: path)
                })
        }
    }
}
