import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Tokenizer {
    /// Loads the tokenizer `name` from a rank file or the asset cache.
    ///
    /// - Parameters:
    ///   - name: the encoding.
    ///   - rankFile: a `.tiktoken` (or `.tiktoken.gz`) file to use instead of the cache, e.g. one that
    ///     tiktoken already downloaded.
    ///   - cache: the asset cache searched when `rankFile` is `nil`.
    ///   - verifyChecksum: check the file's SHA-256 against the published one.
    /// - Throws: `TokenizerError` with code `rankFileMissing` (telling the user to run
    ///   `slipstream assets fetch`), `rankFileUnreadable`, `malformedRankFile` or `checksumMismatch`.
    public static func load(
        _ name: TokenizerName, rankFile: String? = nil, cache: AssetCache = .default, verifyChecksum: Bool = false
    ) throws(TokenizerError) -> Tokenizer {
        let path = rankFile ?? cache.rankFileURL(for: name).path
        guard FileManager.default.fileExists(atPath: path) else {
            if rankFile != nil {
                throw TokenizerError(.rankFileMissing, "no rank file for \(name) at the given path", path: path)
            }
            throw TokenizerError(
                .rankFileMissing,
                "the \(name) rank file is not in the asset cache; run `slipstream assets fetch` "
                    + "(cache root: $\(AssetCache.environmentVariable) or ~/.cache/slipstream), "
                    + "or pass --rank-file with a .tiktoken file",
                path: path)
        }
        var contents: [UInt8]
        do {
            contents = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw TokenizerError(.rankFileUnreadable, "cannot read the \(name) rank file: \(error)", path: path)
        }
        if contents.starts(with: [0x1F, 0x8B]) {
            contents = try GzipFile.decompress(contents, path: path)
        }
        if verifyChecksum {
            let digest = SHA256.hexDigest(of: contents)
            guard digest == name.expectedSHA256 else {
                throw TokenizerError(
                    .checksumMismatch,
                    "the rank file's SHA-256 is \(digest), not the published \(name.expectedSHA256) for \(name)",
                    path: path)
            }
        }
        return try Tokenizer(name: name, rankFileContents: contents, path: path)
    }
}
