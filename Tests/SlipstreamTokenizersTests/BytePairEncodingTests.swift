import SlipstreamTokenizers
import Testing

/// Merges, special tokens and decoding on a tiny vocabulary (expected ids from tiktoken).
@Suite("Byte-pair encoding")
struct BytePairEncodingTests {
    /// 256 bytes, then ab=256, bc=257, abc=258, aa=259, aaa=260, " a"=261, hello=262, he=263, ll=264, llo=265, hell=266.
    static let rankFile = TestSupport.tinyRankFile(merges: [
        "ab", "bc", "abc", "aa", "aaa", " a", "hello", "he", "ll", "llo", "hell",
    ])

    @Test(
        "merges the lowest-ranked pair first, leftmost on ties",
        arguments: [
            ("abc", [258]), ("abcd", [258, 100]), ("aaaa", [259, 259]), ("aaaaa", [259, 260]),
            ("bcab", [257, 256]), ("hello", [262]), (" abc", [32, 258]), ("xhello", [120, 262]),
            ("héllo", [104, 195, 169, 265]), ("", []),
        ])
    func encodesLikeTiktoken(_ text: String, _ expected: [Int]) throws {
        let tokenizer = try Tokenizer(name: .cl100kBase, rankFileContents: Self.rankFile)
        #expect(tokenizer.encode(text) == expected)
        #expect(tokenizer.count(text) == expected.count)
        #expect(try tokenizer.decode(expected) == text)
    }

    @Test func specialTokensAreTextUnlessAllowed() throws {
        let tokenizer = try Tokenizer(name: .cl100kBase, rankFileContents: Self.rankFile)
        let text = "ab<|endoftext|>bc<|fim_prefix|>"
        let ordinary = tokenizer.encode(text)
        #expect(!ordinary.contains(100_257))
        #expect(tokenizer.encode(text, allowedSpecial: .all) == [256, 100_257, 257, 100_258])
        let onlyEnd = tokenizer.encode(text, allowedSpecial: .only(["<|endoftext|>"]))
        #expect(onlyEnd.prefix(3) == [256, 100_257, 257])
        #expect(!onlyEnd.contains(100_258))
        #expect(try tokenizer.decode([256, 100_257]) == "ab<|endoftext|>")
        #expect(tokenizer.specialTokenMatches(in: text) == ["<|endoftext|>", "<|fim_prefix|>"])
    }

    @Test func decodingAnUnknownIdThrows() throws {
        let tokenizer = try Tokenizer(name: .o200kBase, rankFileContents: Self.rankFile)
        let error = #expect(throws: TokenizerError.self) { try tokenizer.decode([97, 5_000_000]) }
        #expect(error?.code == .unknownTokenID)
        #expect(error?.location == 1)
        #expect(tokenizer.tokenBytes(258) == Array("abc".utf8))
        #expect(tokenizer.tokenBytes(-1) == nil)
    }

    @Test func invalidUTF8DecodesToReplacementCharacters() throws {
        let tokenizer = try Tokenizer(name: .o200kBase, rankFileContents: Self.rankFile)
        #expect(try tokenizer.decode([0xC3]) == "\u{FFFD}")
    }
}
