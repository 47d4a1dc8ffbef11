import ArgumentParser
import SlipstreamCore
import SlipstreamPostgres
import SlipstreamSQLite

/// Where the text behind v3 Fallback refs is kept: shared by `encode`, `translate` and `llm encode`.
struct FallbackStoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            StoreLocation.help("the text behind v3 Fallback refs", defaultFile: "fallback.sqlite")
                + " A ref resolves in later runs.",
            valueName: "path-or-url"))
    var fallbackStore: String?

    /// Runs `body` with the store the options name; a PostgreSQL store's client runs while `body` does,
    /// a SQLite file is opened when a Fallback first needs it.
    func withStore<Result: Sendable>(_ body: (any FallbackStore) async throws -> Result) async throws -> Result {
        let location = StoreLocation(fallbackStore, defaultFile: "fallback.sqlite")
        switch location {
        case .memory:
            return try await body(InMemoryFallbackStore())
        case .postgres(let url):
            return try await PostgresFallbackStore.withStore(url: url) { try await body($0) }
        case .sqlite(let path, _):
            return try await body(
                LazyFallbackStore {
                    try location.makeFolder { FallbackStoreError(.storage, "\($0) for the fallback store", underlying: $1) }
                    return try SQLiteFallbackStore(path: path)
                })
        }
    }

    /// ``withStore(_:)`` when `needed`, else `body` with no store.
    func withStore<Result: Sendable>(
        if needed: Bool, _ body: ((any FallbackStore)?) async throws -> Result
    ) async throws -> Result {
        needed ? try await withStore { try await body($0) } : try await body(nil)
    }
}
