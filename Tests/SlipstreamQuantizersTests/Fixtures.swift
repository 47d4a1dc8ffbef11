import Foundation
import SlipstreamCore
import SlipstreamDatasets
import SlipstreamQuantizers
import SlipstreamTestSupport

/// Paths and data shared by the suites.
enum Fixtures {
    /// ../shared/data/tqt-v1-train.jsonl.
    static let trainingFile = SharedData.url("data/tqt-v1-train.jsonl").path

    /// The training file, parsed once.
    static let training: Result<TQTDataset, DatasetError> = Result { () throws(DatasetError) in
        try TQTDataset(contentsOf: trainingFile)
    }

    /// Texts that have broken tokenizers and parsers before.
    static let oddTexts: [String] = [
        "", " ", "\n", "\t\t", "?", "!!!", "\"", "\\", "\"quoted\" \\back\\slash", "\u{0}\u{1}\u{7F}", "🙂", "日本語のメッセージ",
        "Ünïcödé rëvíew plëäse", "a", String(repeating: "x", count: 10_000), String(repeating: "review ", count: 2_000),
        "Tell", "Tell bob", "Tell bob to", "Tell the", "@", "@@bob", "bob,", ",,,,", "SLIP v1 a b RequestReview",
        "tell \u{202E}evil to go", "Ask the team whether", "hand off to", "100% done!!!", "c:\\path\\file.txt",
    ]

    /// Deterministic pseudo-random strings over a mixed alphabet.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("abcXYZ019 _-.,:;!?'\"\\/@#%&()[]{}\t\n\u{0}é漢🙂")
        return (0..<count).map { _ in
            let length = rng.below(80)
            return String((0..<length).map { _ in alphabet[rng.below(alphabet.count)] })
        }
    }
}
