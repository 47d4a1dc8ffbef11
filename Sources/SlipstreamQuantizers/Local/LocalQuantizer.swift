import SlipstreamCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `local` engine: a small learned classifier (``LocalModel``) that runs in microseconds, offline.
///
/// ```swift
/// let local = try LocalQuantizer.shipped()
/// let prediction = local.classify("Please review the auth module")
/// prediction.anchor       // "RequestReview"
/// prediction.confidence   // calibrated probability
/// ```
public struct LocalQuantizer: Quantizer {
    /// What the classifier says about one text.
    public struct Prediction: Sendable, Hashable {
        /// The most likely anchor (before the Fallback threshold).
        public var anchor: String
        /// Its calibrated probability.
        public var confidence: Double
        /// The anchors after the threshold: Fallback when ``confidence`` is below it.
        public var decided: String
        /// The best anchors, most likely first (including ``anchor``).
        public var ranked: [Quantization.Alternative]
    }

    public let engine = "local"
    public var model: LocalModel
    /// Below this calibrated probability the result is Fallback (defaults to the model's).
    public var threshold: Double
    public var assembler: QuantizationAssembler
    private let fallbackIndex: Int?

    public init(model: LocalModel, threshold: Double? = nil, assembler: QuantizationAssembler = QuantizationAssembler()) {
        self.model = model
        self.threshold = threshold ?? model.metadata.threshold
        self.assembler = assembler
        self.fallbackIndex = model.metadata.classes.firstIndex(of: "Fallback")
    }

    /// The model shipped with the package (``LocalModel/shippedResourceName``).
    public static func shipped(threshold: Double? = nil) throws(QuantizerError) -> LocalQuantizer {
        LocalQuantizer(model: try LocalModel.shipped(), threshold: threshold)
    }

    /// The index of the best class and its calibrated probability, without allocating.
    @inline(__always)
    public func best(_ text: String) -> (index: Int, probability: Double) {
        let k = model.metadata.classes.count
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: k) { scores in
            model.logits(of: text, into: scores)
            var top = 0
            for c in 1..<k where scores[c] > scores[top] { top = c }
            let inverseT = Float(1 / model.metadata.temperature)
            let peak = scores[top]
            var sum: Float = 0
            for c in 0..<k { sum += expf((scores[c] - peak) * inverseT) }
            return (top, Double(1 / sum))
        }
    }

    /// The anchor after the threshold (allocation-free hot path for benchmarks and bulk labelling).
    @inline(__always)
    public func decide(_ text: String) -> Int {
        let (index, p) = best(text)
        if p < threshold, let fallbackIndex { return fallbackIndex }
        return index
    }

    /// The classifier's view of `text`, with the `top` best anchors.
    public func classify(_ text: String, top: Int = 4) -> Prediction {
        let probabilities = Calibration.probabilities(model.logits(of: text), temperature: model.metadata.temperature)
        let order = probabilities.indices.sorted {
            probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1)
        }
        let classes = model.metadata.classes
        let ranked = order.prefix(max(top, 1)).map { Quantization.Alternative(anchor: classes[$0], confidence: probabilities[$0]) }
        let best = order[0]
        let decided = probabilities[best] < threshold && fallbackIndex != nil ? "Fallback" : classes[best]
        return Prediction(anchor: classes[best], confidence: probabilities[best], decided: decided, ranked: ranked)
    }

    public func quantize(_ text: String, context: QuantizationContext) async throws -> Quantization {
        let (anchor, confidence, alternatives) = try decision(text, context: context)
        return try await assembler.assemble(
            text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context,
            engine: engine)
    }

    /// The result without suspending, in the context's wire version; nil only for a v3 Fallback whose text
    /// must go into the context's ``FallbackStore`` (``quantize(_:context:)`` does that). Otherwise the same
    /// result as ``quantize(_:context:)``, which builds on it.
    public func quantizeImmediately(_ text: String, context: QuantizationContext) throws(QuantizerError) -> Quantization? {
        let (anchor, confidence, alternatives) = try decision(text, context: context)
        return assembler.assembleImmediately(
            text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context,
            engine: engine)
    }

    /// The v1 result without suspension (v3 needs the async ``quantize(_:context:)``).
    public func quantizeV1(_ text: String, context: QuantizationContext) throws(QuantizerError) -> Quantization {
        let (anchor, confidence, alternatives) = try decision(text, context: context)
        return assembler.assembleV1(
            text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context,
            engine: engine)
    }

    /// What ``classify(_:top:)`` decides, with the context's number of alternatives, without its arrays:
    /// the same probabilities (``Calibration/probabilities(_:temperature:)``), the same order (most likely
    /// first, ties to the lower class index), only the best `alternatives + 1` classes picked.
    private func decision(
        _ text: String, context: QuantizationContext
    ) throws(QuantizerError) -> (UCRAnchor, Double, [Quantization.Alternative]) {
        let classes = model.metadata.classes
        let k = classes.count
        let wanted = min(k, max(context.alternatives + 1, 1))
        let temperature = model.metadata.temperature
        return try withUnsafeTemporaryAllocation(of: Float.self, capacity: k) { logits throws(QuantizerError) in
            try withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { p throws(QuantizerError) in
                try withUnsafeTemporaryAllocation(of: Int.self, capacity: wanted) { ranked throws(QuantizerError) in
                    model.logits(of: text, into: logits)
                    var top = logits[0]
                    for c in 1..<k where top < logits[c] { top = logits[c] }
                    var sum = 0.0
                    for c in 0..<k {
                        p[c] = exp(Double(logits[c] - top) / temperature)
                        sum += p[c]
                    }
                    for c in 0..<k { p[c] /= sum }
                    // Selection in `classify`'s order: each pick is the best class after the previous one.
                    func precedes(_ a: Int, _ b: Int) -> Bool { p[a] > p[b] || (p[a] == p[b] && a < b) }
                    for r in 0..<wanted {
                        var pick = -1
                        for c in 0..<k where r == 0 || precedes(ranked[r - 1], c) {
                            if pick < 0 || precedes(c, pick) { pick = c }
                        }
                        ranked[r] = pick
                    }
                    let best = ranked[0]
                    let decided = p[best] < threshold && fallbackIndex != nil ? "Fallback" : classes[best]
                    guard let anchor = context.codebook.anchor(mnemonic: decided) else {
                        throw QuantizerError(
                            .unknownAnchor, "the model predicts \(decided), which the codebook does not have", location: engine)
                    }
                    var alternatives: [Quantization.Alternative] = []
                    alternatives.reserveCapacity(max(0, context.alternatives))
                    for r in 0..<wanted where alternatives.count < context.alternatives && classes[ranked[r]] != anchor.mnemonic {
                        alternatives.append(Quantization.Alternative(anchor: classes[ranked[r]], confidence: p[ranked[r]]))
                    }
                    return (anchor, p[best], alternatives)
                }
            }
        }
    }
}
