import ArgumentParser
import SlipstreamCore
import SlipstreamStores

/// Where the text behind v3 Fallback refs is kept: shared by `encode`, `translate` and `llm encode`.
struct FallbackStoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            StoreLocation.help("the text behind v3 Fallback refs", defaultFile: "fallback.sqlite")
                + " A ref resolves in later runs.",
            valueName: "path-or-url"))
    var fallbackStore: String?

    /// The store the options name.
    var location: StoreLocation { StoreLocation(fallbackStore, defaultFile: "fallback.sqlite") }

    /// Runs `body` with the store the options name (see ``StoreLocation/withFallbackStore(_:)``).
    func withStore<Result: Sendable>(_ body: (any FallbackStore) async throws -> Result) async throws -> Result {
        try await location.withFallbackStore(body)
    }

    /// ``withStore(_:)`` when `needed`, else `body` with no store.
    func withStore<Result: Sendable>(
        if needed: Bool, _ body: ((any FallbackStore)?) async throws -> Result
    ) async throws -> Result {
        needed ? try await withStore { try await body($0) } : try await body(nil)
    }
}
