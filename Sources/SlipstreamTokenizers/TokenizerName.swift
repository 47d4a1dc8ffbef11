/// A supported tiktoken encoding: its split pattern, special tokens and rank file.
///
/// ```swift
/// let name = TokenizerName(rawValue: "o200k_base")   // .o200kBase
/// print(name?.rankFileName ?? "")                     // o200k_base.tiktoken
/// ```
public enum TokenizerName: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The GPT-4 / GPT-3.5-turbo encoding (100,256 ranks).
    case cl100kBase = "cl100k_base"
    /// The GPT-4o / o-series encoding (199,998 ranks).
    case o200kBase = "o200k_base"

    public var description: String { rawValue }

    /// The file name of the rank file in the asset cache.
    public var rankFileName: String { "\(rawValue).tiktoken" }

    /// The SHA-256 of the rank file, as published by tiktoken (`tiktoken_ext/openai_public.py`).
    public var expectedSHA256: String {
        switch self {
        case .cl100kBase: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
        case .o200kBase: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
        }
    }

    /// The special tokens of the encoding and their ids.
    public var specialTokens: [String: Int] {
        switch self {
        case .cl100kBase:
            [
                "<|endoftext|>": 100_257,
                "<|fim_prefix|>": 100_258,
                "<|fim_middle|>": 100_259,
                "<|fim_suffix|>": 100_260,
                "<|endofprompt|>": 100_276,
            ]
        case .o200kBase:
            ["<|endoftext|>": 199_999, "<|endofprompt|>": 200_018]
        }
    }

    /// The pre-tokenizer that reproduces the encoding's split pattern.
    var splitPattern: PreTokenizer.Pattern {
        switch self {
        case .cl100kBase: .cl100k
        case .o200kBase: .o200k
        }
    }
}
