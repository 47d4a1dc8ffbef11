import Foundation
import SlipstreamTokenizers

/// Where a durable store lives, as `--fallback-store`, `hub --store` and the MCP server name it: a SQLite
/// file (by default one in the asset cache folder), a PostgreSQL server, or memory.
///
/// ```swift
/// try await StoreLocation("postgres://postgres@127.0.0.1/slipstream", defaultFile: "fallback.sqlite")
///     .withFallbackStore { store in try await Translator(store: store).translate(message, to: .v3) }
/// ```
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file of this name in the asset cache (`$SLIPSTREAM_CACHE_DIR`, else `~/.cache/slipstream`),
    /// whose folder is made on first use.
    case cacheFile(String)
    /// A SQLite file at this path.
    case file(String)
    /// A PostgreSQL server: `postgres://user[:password]@host[:port]/database`, shared by many machines.
    case postgres(String)
    /// Memory, for this process only.
    case memory

    /// The location an option's `value` names: `:memory:`, a `postgres://` or `postgresql://` URL, else a
    /// file path; `nil` is `defaultFile` in the cache folder.
    public init(_ value: String?, defaultFile: String) {
        switch value {
        case nil: self = .cacheFile(defaultFile)
        case ":memory:": self = .memory
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"): self = .postgres(url)
        case let path?: self = .file(path)
        }
    }

    /// The help text of an option naming where `what` is kept, in `defaultFile` by default.
    public static func help(_ what: String, defaultFile: String) -> String {
        """
        Where to keep \(what): a SQLite file (default: \(defaultFile) in $SLIPSTREAM_CACHE_DIR, else in \
        ~/.cache/slipstream), a PostgreSQL server (postgres://user[:password]@host[:port]/database, shared by \
        many machines), or `:memory:` for this run only.
        """
    }

    /// The location, with a PostgreSQL password left out.
    public var description: String {
        switch self {
        case .cacheFile(let name): "\(name) in \(AssetCache.default.root.path)"
        case .file(let path): path
        case .postgres(let url): url.replacingOccurrences(of: #"//[^@/]*@"#, with: "//…@", options: .regularExpression)
        case .memory: ":memory:"
        }
    }

    /// The path of the SQLite file `name` in the cache folder, made when missing; `failure` turns the
    /// reason the folder cannot be made into the store's own error.
    static func cachePath(
        _ name: String, _ failure: (_ message: String, _ underlying: any Error & Sendable) -> any Error
    ) throws -> String {
        let root = AssetCache.default.root
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot make the folder \(root.path.debugDescription)", error)
        }
        return root.appendingPathComponent(name).path
    }
}
