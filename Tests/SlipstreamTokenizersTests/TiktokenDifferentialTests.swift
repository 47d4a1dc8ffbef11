import Foundation
import SlipstreamTestSupport
import SlipstreamTokenizers
import Testing

/// Runs the real tiktoken (Python) and the Swift tokenizers over the training texts and 100,000
/// seeded random strings, plus a sweep of every code point of planes 0–3 and 14 in revealing
/// contexts, and requires identical ids for both encodings.
///
/// Gated: runs when `SLIPSTREAM_PYTHON` names a python with tiktoken installed
/// (`pip install -r scripts/requirements-test.txt`); the rank files must be in the asset cache
/// (`slipstream assets fetch`, honouring `SLIPSTREAM_CACHE_DIR`).
@Suite("tiktoken differential")
struct TiktokenDifferentialTests {
    struct Record: Decodable {
        var text: String
        var cl100k_base: [Int]
        var o200k_base: [Int]
    }

    @Test(
        .enabled(
            if: Repository.python != nil,
            "SLIPSTREAM_PYTHON is not set: set it to a python with tiktoken (scripts/requirements-test.txt) to compare against tiktoken"
        ))
    func idsMatchTiktokenOnTrainingTextsAndRandomStrings() throws {
        let python = try #require(Repository.python)
        let dataset = SharedData.url("data/tqt-v1-train.jsonl")
        try #require(FileManager.default.fileExists(atPath: dataset.path), "missing \(dataset.path)")
        try #require(
            TestSupport.rankFilesPresent,
            "rank files missing in \(AssetCache.default.tokenizersDirectory.path): run `slipstream assets fetch`")
        let tokenizers = try TokenizerName.allCases.map { try Tokenizer.load($0) }

        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("slipstream-tiktoken-\(ProcessInfo.processInfo.processIdentifier).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            Repository.url("scripts/tokens_reference.py").path,
            "--rank-dir", AssetCache.default.tokenizersDirectory.path,
            "--dataset", dataset.path,
            "--generated", "100000",
            "--seed", "20261130",
            "--sweep",
            "--out", output.path,
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "tokens_reference.py failed (status \(process.terminationStatus))")

        let data = try Data(contentsOf: output)
        let decoder = JSONDecoder()
        var compared = 0
        var mismatches: [String] = []
        var lineStart = data.startIndex
        while lineStart < data.endIndex {
            let lineEnd = data[lineStart...].firstIndex(of: 0x0A) ?? data.endIndex
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            let record = try decoder.decode(Record.self, from: data[lineStart..<lineEnd])
            for (tokenizer, expected) in zip(tokenizers, [record.cl100k_base, record.o200k_base]) {
                let actual = tokenizer.encode(record.text)
                if actual != expected {
                    if mismatches.count < 10 {
                        mismatches.append(
                            "\(tokenizer.name) \(record.text.debugDescription)\n  swift:    \(actual)\n  tiktoken: \(expected)"
                        )
                    } else {
                        mismatches.append("")
                    }
                } else if tokenizer.count(record.text) != expected.count
                    || (try? tokenizer.decode(actual)) != record.text
                {
                    mismatches.append("\(tokenizer.name) count/decode round trip failed for \(record.text.debugDescription)")
                }
            }
            compared += 1
        }
        #expect(compared >= 100_000)
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) mismatches of \(compared * 2):\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }
}
