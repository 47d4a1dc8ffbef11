import Foundation
import SlipstreamTokenizers
import Testing

/// Rank file parsing: clear errors with line numbers for bad input.
@Suite("Rank files")
struct RankFileTests {
    static func error(_ text: String) -> TokenizerError? {
        #expect(throws: TokenizerError.self) {
            _ = try Tokenizer(name: .cl100kBase, rankFileContents: Array(text.utf8), path: "bad.tiktoken")
        }
    }

    @Test func rejectsALineWithoutARank() {
        let text = String(decoding: TestSupport.tinyRankFile(merges: []), as: UTF8.self) + "YWI=\n"
        let error = Self.error(text)
        #expect(error?.code == .malformedRankFile)
        #expect(error?.location == 257)
        #expect(error?.path == "bad.tiktoken")
    }

    @Test func rejectsInvalidBase64AndBadRanks() {
        #expect(Self.error("@@@ 0\n")?.code == .malformedRankFile)
        #expect(Self.error("YQ== -1\n")?.code == .malformedRankFile)
        #expect(Self.error("YQ== 12x\n")?.location == 1)
    }

    @Test func rejectsRepeatedRanksAndTokens() {
        let base = String(decoding: TestSupport.tinyRankFile(merges: ["ab"]), as: UTF8.self)
        #expect(Self.error(base + "YmM= 256\n")?.message.contains("rank 256 appears twice") == true)
        #expect(Self.error(base + "YWI= 300\n")?.message.contains("repeats the bytes") == true)
    }

    @Test func requiresEverySingleByte() {
        let error = Self.error("YQ== 0\n")
        #expect(error?.message.contains("single byte") == true)
        #expect(Self.error("")?.code == .malformedRankFile)
    }

    @Test func missingFileSaysToRunAssetsFetch() {
        let cache = AssetCache(root: URL(fileURLWithPath: "/nonexistent/slipstream-cache"))
        let error = #expect(throws: TokenizerError.self) { _ = try Tokenizer.load(.o200kBase, cache: cache) }
        #expect(error?.code == .rankFileMissing)
        #expect(error?.description.contains("slipstream assets fetch") == true)
        #expect(error?.path == "/nonexistent/slipstream-cache/tokenizers/o200k_base.tiktoken")
    }

    @Test func cacheRootFollowsTheEnvironment() {
        #expect(AssetCache.resolve(environment: ["SLIPSTREAM_CACHE_DIR": "/tmp/x"]).root.path == "/tmp/x")
        #expect(AssetCache.resolve(environment: ["HOME": "/home/u"]).root.path == "/home/u/.cache/slipstream")
        #expect(
            AssetCache(root: URL(fileURLWithPath: "/c")).rankFileURL(for: .cl100kBase).path
                == "/c/tokenizers/cl100k_base.tiktoken")
    }
}
