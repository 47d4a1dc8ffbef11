import SlipstreamTokenizers
import Testing

/// The hand-written split patterns reproduce tiktoken's regexes (expected pieces from the regexes).
@Suite("Pre-tokenizer")
struct PreTokenizerTests {
    static let tiny = TestSupport.tinyRankFile(merges: [])

    static let cases: [(text: String, cl100k: [String], o200k: [String])] = [
        ("Hello world's  test", ["Hello", " world", "'s", " ", " test"], ["Hello", " world's", " ", " test"]),
        ("I'LL   go\n\n  now ", ["I", "'LL", "  ", " go", "\n\n", " ", " now", " "], ["I'LL", "  ", " go", "\n\n", " ", " now", " "]),
        ("x  \n\t y", ["x", "  \n", "\t", " y"], ["x", "  \n", "\t", " y"]),
        ("123456 7.5", ["123", "456", " ", "7", ".", "5"], ["123", "456", " ", "7", ".", "5"]),
        ("  !!!\n\nok", [" ", " !!!\n\n", "ok"], [" ", " !!!\n\n", "ok"]),
        ("HTTPServer camelCase 'tis", ["HTTPServer", " camelCase", " '", "tis"], ["HTTPServer", " camel", "Case", " '", "tis"]),
        ("don't/stop//\r\n", ["don", "'t", "/stop", "//\r\n"], ["don't", "/stop", "//\r\n"]),
        ("你好 世界！", ["你好", " 世界", "！"], ["你好", " 世界", "！"]),
        ("a\u{301}b", ["a", "\u{301}b"], ["a\u{301}b"]),
        ("\u{3000}x", ["\u{3000}x"], ["\u{3000}x"]),
        ("ab'S'ſ", ["ab", "'S", "'ſ"], ["ab'S", "'ſ"]),
        ("  ", ["  "], ["  "]),
        ("\n \n", ["\n \n"], ["\n \n"]),
    ]

    @Test("cl100k_base pieces", arguments: cases)
    func splitsLikeCl100k(_ example: (text: String, cl100k: [String], o200k: [String])) throws {
        let tokenizer = try Tokenizer(name: .cl100kBase, rankFileContents: Self.tiny)
        #expect(tokenizer.pieces(of: example.text) == example.cl100k)
    }

    @Test("o200k_base pieces", arguments: cases)
    func splitsLikeO200k(_ example: (text: String, cl100k: [String], o200k: [String])) throws {
        let tokenizer = try Tokenizer(name: .o200kBase, rankFileContents: Self.tiny)
        #expect(tokenizer.pieces(of: example.text) == example.o200k)
    }

    @Test func piecesConcatenateToTheInput() throws {
        let tokenizer = try Tokenizer(name: .o200kBase, rankFileContents: Self.tiny)
        let text = "👩‍💻 SLIP v1 alice bob RequestReview auth_module\r\n\t¿Qué?  ١٢٣٤ \u{FEFF}"
        #expect(tokenizer.pieces(of: text).joined() == text)
        #expect(tokenizer.pieces(of: "").isEmpty)
    }
}
