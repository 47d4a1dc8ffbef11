import SlipstreamTokenizers
import Testing

/// Known ids with the real rank files (runs when they are in the asset cache).
@Suite("Real encodings", .enabled(if: TestSupport.rankFilesPresent, "rank files not in the asset cache; run `slipstream assets fetch`"))
struct RealEncodingTests {
    @Test func knownIds() throws {
        let cl100k = try #require(TestSupport.realTokenizers[.cl100kBase])
        let o200k = try #require(TestSupport.realTokenizers[.o200kBase])
        #expect(cl100k.encode("hello world") == [15339, 1917])
        #expect(o200k.encode("hello world") == [24912, 2375])
        #expect(cl100k.encode("<|endoftext|>", allowedSpecial: .all) == [100_257])
        #expect(o200k.encode("<|endofprompt|>", allowedSpecial: .all) == [200_018])
        #expect(cl100k.vocabularySize == 100_261)
        #expect(o200k.vocabularySize == 200_000)
    }

    @Test func rankFilesMatchThePublishedChecksums() throws {
        for name in TokenizerName.allCases {
            _ = try Tokenizer.load(name, verifyChecksum: true)
        }
    }
}
