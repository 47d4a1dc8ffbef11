import Foundation
import SlipstreamCore
import SlipstreamPostgres
import SlipstreamSQLite
import SlipstreamTokenizers

/// Where the text behind v3 Fallback refs is kept, as the CLI's `--fallback-store` and the MCP server
/// name it: a SQLite file, a PostgreSQL server, or memory.
///
/// ```swift
/// try await FallbackStoreLocation("postgres://postgres@127.0.0.1/slipstream").withStore { store in
///     try await Translator(store: store).translate(message, to: .v3)
/// }
/// ```
public enum FallbackStoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// `fallback.sqlite` in the asset cache (`$SLIPSTREAM_CACHE_DIR`, else `~/.cache/slipstream`).
    case defaultFile
    /// A SQLite file at this path.
    case file(String)
    /// A PostgreSQL server: `postgres://user[:password]@host[:port]/database`, shared by many machines.
    case postgres(String)
    /// Memory, for this process only.
    case memory

    /// The location a `--fallback-store` value names: `:memory:`, a `postgres://` or `postgresql://` URL,
    /// else a file path; `nil` is the default file.
    public init(_ value: String?) {
        switch value {
        case nil: self = .defaultFile
        case ":memory:": self = .memory
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"): self = .postgres(url)
        case let path?: self = .file(path)
        }
    }

    public var description: String {
        switch self {
        case .defaultFile: "fallback.sqlite in \(AssetCache.default.root.path)"
        case .file(let path): path
        case .postgres(let url): url.replacingOccurrences(of: #"//[^@/]*@"#, with: "//…@", options: .regularExpression)
        case .memory: ":memory:"
        }
    }

    /// Runs `body` with the store; a PostgreSQL store's client runs while `body` does, a SQLite file is
    /// opened when a Fallback first needs it.
    public func withStore<Result: Sendable>(_ body: (any FallbackStore) async throws -> Result) async throws -> Result {
        switch self {
        case .memory:
            return try await body(InMemoryFallbackStore())
        case .postgres(let url):
            return try await PostgresFallbackStore.withStore(url: url) { try await body($0) }
        case .file(let path):
            return try await body(LazyFallbackStore { try SQLiteFallbackStore(path: path) })
        case .defaultFile:
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
}
