#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The local directory where Slipstream keeps downloaded assets (rank files, later models).
///
/// The root is `$SLIPSTREAM_CACHE_DIR` if set, else `~/.cache/slipstream`. Rank files live in
/// `<root>/tokenizers/<name>.tiktoken`.
public struct AssetCache: Sendable, Equatable {
    /// The environment variable that overrides the cache root.
    public static let environmentVariable = "SLIPSTREAM_CACHE_DIR"

    /// The cache root directory.
    public var root: URL

    /// Creates a cache rooted at `root`.
    public init(root: URL) { self.root = root }

    /// The cache for the current process environment.
    public static var `default`: AssetCache { resolve(environment: ProcessInfo.processInfo.environment) }

    /// The cache root for an environment: `SLIPSTREAM_CACHE_DIR`, else `$HOME/.cache/slipstream`.
    public static func resolve(environment: [String: String]) -> AssetCache {
        if let override = environment[environmentVariable], !override.isEmpty {
            return AssetCache(root: URL(fileURLWithPath: override, isDirectory: true))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectoryFallback.path
        return AssetCache(
            root: URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".cache", isDirectory: true)
                .appendingPathComponent("slipstream", isDirectory: true))
    }

    /// The directory holding the tokenizer rank files.
    public var tokenizersDirectory: URL { root.appendingPathComponent("tokenizers", isDirectory: true) }

    /// Where the rank file of `name` is (or will be) stored.
    public func rankFileURL(for name: TokenizerName) -> URL {
        tokenizersDirectory.appendingPathComponent(name.rankFileName)
    }
}

/// The home directory when `HOME` is unset.
private enum NSHomeDirectoryFallback {
    static var path: String { FileManager.default.homeDirectoryForCurrentUser.path }
}
