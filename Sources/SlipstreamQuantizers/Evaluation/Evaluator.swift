import SlipstreamCore
import SlipstreamDatasets

/// Runs a quantizer over TQT examples and measures it (``EvaluationReport``).
///
/// ```swift
/// let dataset = try TQTDataset(contentsOf: "../shared/data/tqt-v1-train.jsonl")
/// let report = try await Evaluator().evaluate(dataset.examples, with: LocalQuantizer.shipped())
/// report.accuracy
/// ```
public struct Evaluator: Sendable {
    /// The parser that decides wire validity.
    public var parser: WireParser

    public init(parser: WireParser = WireParser(profile: .strict)) {
        self.parser = parser
    }

    /// One quantized row.
    public struct Outcome: Sendable, Hashable {
        public var example: TQTExample
        public var result: Quantization
        public var nanoseconds: Int64
    }

    /// Quantizes every example (src from the expected wire, dst left to the engine), with at most
    /// `concurrency` rows in flight (for engines that wait on a server); outcomes keep the input order.
    public func run(
        _ examples: [TQTExample], with quantizer: any Quantizer, concurrency: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [Outcome] {
        let clock = ContinuousClock()
        @Sendable func measure(_ example: TQTExample) async throws -> Outcome {
            let context = QuantizationContext(src: example.record.message.src)
            let start = clock.now
            let result = try await quantizer.quantize(example.text, context: context)
            let elapsed = start.duration(to: clock.now)
            let nanos = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
            return Outcome(example: example, result: result, nanoseconds: nanos)
        }
        var outcomes: [Outcome?] = Array(repeating: nil, count: examples.count)
        try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            var done = 0
            func submit() {
                guard next < examples.count else { return }
                let index = next
                let example = examples[index]
                group.addTask { (index, try await measure(example)) }
                next += 1
            }
            for _ in 0..<max(1, concurrency) { submit() }
            while let (index, outcome) = try await group.next() {
                outcomes[index] = outcome
                done += 1
                progress?(done, examples.count)
                submit()
            }
        }
        return outcomes.map { $0! }
    }

    /// Runs and measures.
    public func evaluate(
        _ examples: [TQTExample], with quantizer: any Quantizer, dataset: String = "dataset", concurrency: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> EvaluationReport {
        let outcomes = try await run(examples, with: quantizer, concurrency: concurrency, progress: progress)
        return report(outcomes, engine: quantizer.engine, dataset: dataset, folds: nil)
    }

    /// Measures outcomes (also used to aggregate cross-validation folds).
    public func report(_ outcomes: [Outcome], engine: String, dataset: String, folds: Int?) -> EvaluationReport {
        let truth = outcomes.map(\.example.anchor)
        let predicted = outcomes.map(\.result.anchor.mnemonic)
        let labels = Set(truth + predicted).sorted()
        var index: [String: Int] = [:]
        for (i, label) in labels.enumerated() { index[label] = i }
        let metrics = ClassificationMetrics(
            truth: truth.map { index[$0]! }, predicted: predicted.map { index[$0]! }, classes: labels.count)
        let perAnchor = labels.indices.filter { metrics.support($0) > 0 }.map { c in
            EvaluationReport.AnchorScore(
                anchor: labels[c], precision: metrics.precision(c), recall: metrics.recall(c), f1: metrics.f1(c),
                support: metrics.support(c))
        }
        // Dimensions.
        var dimensionRows = 0
        var right = [0, 0, 0, 0]
        for outcome in outcomes {
            guard let expected = outcome.example.record.quantize?.coords else { continue }
            dimensionRows += 1
            let got = outcome.result.anchor.coords
            if got.action == expected.action { right[0] += 1 }
            if got.domain == expected.domain { right[1] += 1 }
            if got.urgency == expected.urgency { right[2] += 1 }
            if got.polarity == expected.polarity { right[3] += 1 }
        }
        func share(_ n: Int, _ d: Int) -> Double { d == 0 ? 0 : Double(n) / Double(d) }
        let dimensions = EvaluationReport.Dimensions(
            rows: dimensionRows, action: share(right[0], dimensionRows), domain: share(right[1], dimensionRows),
            urgency: share(right[2], dimensionRows), polarity: share(right[3], dimensionRows))
        // Fallback.
        let fallbackIndex = index["Fallback"]
        let fallback = EvaluationReport.FallbackScore(
            precision: fallbackIndex.map(metrics.precision) ?? 0, recall: fallbackIndex.map(metrics.recall) ?? 0,
            expected: fallbackIndex.map(metrics.support) ?? 0, predicted: fallbackIndex.map(metrics.predictedCount) ?? 0)
        // Wire validity.
        let valid = outcomes.filter { (try? parser.parse($0.result.wire)) != nil }.count
        // Recipient.
        var dstSame = 0
        var named = 0
        var namedSame = 0
        for outcome in outcomes {
            let expected = outcome.example.record.message.dst
            let same = outcome.result.dst == expected
            if same { dstSame += 1 }
            let words = Set(
                outcome.example.text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
            if words.contains(expected.lowercased()) {
                named += 1
                if same { namedSame += 1 }
            }
        }
        // Payload.
        var payloadRows = 0
        var payloadF1 = 0.0
        for outcome in outcomes where !outcome.example.record.message.isFallback {
            payloadRows += 1
            payloadF1 += Self.wordF1(outcome.result.payload, outcome.example.record.message.payload)
        }
        // Latency.
        let micros = outcomes.map { Double($0.nanoseconds) / 1000 }.sorted()
        func percentile(_ p: Double) -> Double {
            guard !micros.isEmpty else { return 0 }
            return micros[min(micros.count - 1, Int((p * Double(micros.count - 1)).rounded()))]
        }
        return EvaluationReport(
            engine: engine, dataset: dataset, rows: outcomes.count, folds: folds, accuracy: metrics.accuracy,
            macroF1: Self.macroF1(metrics, truthLabels: Set(truth).map { index[$0]! }),
            perAnchor: perAnchor, confusion: .init(labels: labels, matrix: metrics.confusion), dimensions: dimensions,
            fallback: fallback, wireValidity: share(valid, outcomes.count),
            dst: .init(agreement: share(dstSame, outcomes.count), namedInText: named, agreementWhenNamed: share(namedSame, named)),
            payload: .init(rows: payloadRows, wordF1: payloadRows == 0 ? 0 : payloadF1 / Double(payloadRows)),
            latency: .init(
                p50Micros: percentile(0.5), p99Micros: percentile(0.99),
                meanMicros: micros.isEmpty ? 0 : micros.reduce(0, +) / Double(micros.count)))
    }

    /// Macro-F1 over the anchors that occur among the expected labels.
    static func macroF1(_ metrics: ClassificationMetrics, truthLabels: [Int]) -> Double {
        guard !truthLabels.isEmpty else { return 0 }
        return truthLabels.reduce(0) { $0 + metrics.f1($1) } / Double(truthLabels.count)
    }

    /// Word-level F1 of two payloads (items split at `_`, `.`, `-`, spaces and `:`; lowercased).
    static func wordF1(_ got: [String], _ expected: [String]) -> Double {
        func words(_ items: [String]) -> Set<String> {
            Set(items.flatMap { $0.lowercased().split(whereSeparator: { "_.-: ,[]".contains($0) }).map(String.init) })
        }
        let a = words(got)
        let b = words(expected)
        if a.isEmpty && b.isEmpty { return 1 }
        let common = Double(a.intersection(b).count)
        guard common > 0 else { return 0 }
        let p = common / Double(a.count)
        let r = common / Double(b.count)
        return 2 * p * r / (p + r)
    }
}
