import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamPostgres
import SlipstreamSQLite
import SlipstreamTokenizers

/// Where the text behind v3 Fallback refs is kept: shared by `encode`, `translate` and `llm encode`.
struct FallbackStoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            Where the text behind v3 Fallback refs is kept, so a ref resolves in later runs: a SQLite file \
            (default: fallback.sqlite in $SLIPSTREAM_CACHE_DIR, else in ~/.cache/slipstream), a PostgreSQL \
            server (postgres://user[:password]@host[:port]/database, shared by many machines), or \
            `:memory:` for this run only.
            """,
            valueName: "path-or-url"))
    var fallbackStore: String?

    /// Runs `body` with the store the options name; a PostgreSQL store's client runs while `body` does,
    /// a SQLite file is opened when a Fallback first needs it.
    func withStore<Result: Sendable>(_ body: (any FallbackStore) async throws -> Result) async throws -> Result {
        switch fallbackStore {
        case ":memory:":
            return try await body(InMemoryFallbackStore())
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            return try await PostgresFallbackStore.withStore(url: url) { try await body($0) }
        case let path?:
            return try await body(LazyFallbackStore { try SQLiteFallbackStore(path: path) })
        case nil:
            return try await body(
                LazyFallbackStore {
                    let root = AssetCache.default.root
                    do {
                        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
                    } catch {
                        throw FallbackStoreError(
                            .storage, "cannot make the folder \(root.path.debugDescription) for the fallback store", underlying: error)
                    }
                    return try SQLiteFallbackStore(path: root.appendingPathComponent("fallback.sqlite").path)
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
