import Benchmark
import Foundation
import SlipstreamTokenizers

/// Encode throughput of the exact BPE tokenizers on the TQT training texts.
///
/// One iteration encodes every conversation value (system, human, gpt) of
/// `../shared/data/tqt-v1-train.jsonl` once; MB/s = bytes per iteration × throughput.
/// The rank files come from the asset cache (`slipstream assets fetch`, `SLIPSTREAM_CACHE_DIR`).
let benchmarks: @Sendable () -> Void = {
    let texts = TrainingTexts.load()
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 50)

    for name in TokenizerName.allCases {
        guard let tokenizer = try? Tokenizer.load(name) else {
            print("skipping \(name): rank file missing; run `slipstream assets fetch`")
            continue
        }
        Benchmark("encode \(name) tqt-v1-train (\(bytes) bytes)") { benchmark in
            for _ in benchmark.scaledIterations {
                var total = 0
                for text in texts { total &+= tokenizer.encode(text).count }
                blackHole(total)
            }
        }
        Benchmark("count \(name) tqt-v1-train (\(bytes) bytes)") { benchmark in
            for _ in benchmark.scaledIterations {
                var total = 0
                for text in texts { total &+= tokenizer.count(text) }
                blackHole(total)
            }
        }
    }
}

/// The benchmark input: every conversation value of the TQT v1 training file.
enum TrainingTexts {
    static func load() -> [String] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/data/tqt-v1-train.jsonl")
        guard let data = try? Data(contentsOf: path) else {
            print("missing \(path.path)")
            return []
        }
        struct Row: Decodable {
            struct Turn: Decodable { var value: String }
            var conversations: [Turn]
        }
        var texts: [String] = []
        for line in data.split(separator: 0x0A) {
            if let row = try? JSONDecoder().decode(Row.self, from: Data(line)) {
                texts.append(contentsOf: row.conversations.map(\.value))
            }
        }
        return texts
    }
}
