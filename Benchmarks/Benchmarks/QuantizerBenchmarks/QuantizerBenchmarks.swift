import Benchmark
import Foundation
import SlipstreamQuantizers

/// Messages per second of the `local` and `keyword` engines on one core.
///
/// One iteration quantizes one message; the messages are the human turns of
/// `../shared/data/tqt-v1-train.jsonl`, taken in turn. `scripts/bench_slipcore_quantizer.py` times
/// slipcore's keyword quantizer on the same messages.
let benchmarks: @Sendable () -> Void = {
    let texts = QuantizerTexts.load()
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000_000)
    guard !texts.isEmpty, let local = try? LocalQuantizer.shipped() else {
        print("skipping: no training texts at \(QuantizerTexts.path) or no shipped model")
        return
    }
    let keyword = KeywordQuantizer()
    let context = QuantizationContext(src: "alice")

    // The classifier alone: features, sparse dot products, calibrated top class (no allocation).
    Benchmark("local classify") { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(local.decide(texts[i]))
            i = i + 1 == texts.count ? 0 : i + 1
        }
    }
    // The whole v1 result: classifier, recipient, payload, thought, wire (what `encode` prints).
    Benchmark("local quantize v1") { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(try local.quantizeV1(texts[i], context: context))
            i = i + 1 == texts.count ? 0 : i + 1
        }
    }
    // The same in v3 (Force/Object wire, camelCase payload; no Fallback store, so nothing suspends).
    let contextV3 = QuantizationContext(src: "alice", version: .v3)
    Benchmark("local quantize v3") { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(try local.quantizeImmediately(texts[i], context: contextV3))
            i = i + 1 == texts.count ? 0 : i + 1
        }
    }
    Benchmark("keyword classify") { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(keyword.anchor(for: texts[i]))
            i = i + 1 == texts.count ? 0 : i + 1
        }
    }
    Benchmark("local model load", configuration: .init(metrics: [.wallClock, .mallocCountTotal], scalingFactor: .one, maxIterations: 50)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LocalModel(contentsOf: QuantizerTexts.modelPath))
        }
    }
}

/// The benchmark input.
enum QuantizerTexts {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let path = packageRoot.appendingPathComponent("../shared/data/tqt-v1-train.jsonl").standardized.path
    static let modelPath = packageRoot.appendingPathComponent("Sources/SlipstreamQuantizers/Resources/local-v1.slpq").path

    static func load() -> [String] {
        guard let dataset = try? TQTDataset(contentsOf: path) else { return [] }
        return dataset.examples.map(\.text)
    }
}
