import ArgumentParser
import SlipstreamCore
import SlipstreamStores

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

    /// The store the options name.
    var location: FallbackStoreLocation { FallbackStoreLocation(fallbackStore) }

    /// Runs `body` with the store the options name (see ``FallbackStoreLocation``).
    func withStore<Result: Sendable>(_ body: (any FallbackStore) async throws -> Result) async throws -> Result {
        try await location.withStore(body)
    }

    /// ``withStore(_:)`` when `needed`, else `body` with no store.
    func withStore<Result: Sendable>(
        if needed: Bool, _ body: ((any FallbackStore)?) async throws -> Result
    ) async throws -> Result {
        needed ? try await withStore { try await body($0) } : try await body(nil)
    }
}
