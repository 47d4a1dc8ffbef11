import Foundation
import SlipstreamTokenizers

/// Where a durable store lives, as `--fallback-store` and `hub --store` name it: a SQLite file (by default
/// one in $SLIPSTREAM_CACHE_DIR, else ~/.cache/slipstream), a PostgreSQL server, or nowhere (`:memory:`).
enum StoreLocation: Equatable {
    case memory
    case postgres(url: String)
    /// A SQLite file; `inCache` for the default file, whose folder is made on first use.
    case sqlite(path: String, inCache: Bool)

    /// The location `argument` names; nil names `defaultFile` in the cache folder.
    init(_ argument: String?, defaultFile: String) {
        switch argument {
        case ":memory:":
            self = .memory
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            self = .postgres(url: url)
        case let path?:
            self = .sqlite(path: path, inCache: false)
        case nil:
            self = .sqlite(path: AssetCache.default.root.appendingPathComponent(defaultFile).path, inCache: true)
        }
    }

    /// The help text of an option naming a store of `what`, kept in `defaultFile` by default.
    static func help(_ what: String, defaultFile: String) -> String {
        """
        Where to keep \(what): a SQLite file (default: \(defaultFile) in $SLIPSTREAM_CACHE_DIR, else in \
        ~/.cache/slipstream), a PostgreSQL server (postgres://user[:password]@host[:port]/database, shared by \
        many machines), or `:memory:` for this run only.
        """
    }

    /// Makes the folder of the default file when needed; `failure` turns the reason into the store's error.
    func makeFolder(_ failure: (_ message: String, _ underlying: any Error & Sendable) -> any Error) throws {
        guard case .sqlite(let path, true) = self else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot make the folder \(folder.path.debugDescription)", error)
        }
    }
}
