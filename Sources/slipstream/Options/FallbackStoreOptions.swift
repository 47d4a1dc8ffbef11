import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamSQLite
import SlipstreamTokenizers

/// Where the text behind v3 Fallback refs is kept: shared by `encode`, `translate` and `llm encode`.
struct FallbackStoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            The SQLite file that keeps the text behind v3 Fallback refs, so a ref resolves in later runs \
            (default: fallback.sqlite in $SLIPSTREAM_CACHE_DIR, else in ~/.cache/slipstream); \
            `:memory:` keeps the texts for this run only.
            """,
            valueName: "path"))
    var fallbackStore: String?

    /// The store the options name, the default file's folder created when missing.
    func open() throws -> any FallbackStore {
        if fallbackStore == ":memory:" { return InMemoryFallbackStore() }
        if let fallbackStore { return try SQLiteFallbackStore(path: fallbackStore) }
        let root = AssetCache.default.root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return try SQLiteFallbackStore(path: root.appendingPathComponent("fallback.sqlite").path)
    }
}
