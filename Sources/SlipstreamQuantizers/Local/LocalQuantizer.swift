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
        let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1) }
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

    /// The v1 result without suspension (v3 needs the async ``quantize(_:context:)``).
    public func quantizeV1(_ text: String, context: QuantizationContext) throws(QuantizerError) -> Quantization {
        let (anchor, confidence, alternatives) = try decision(text, context: context)
        return assembler.assembleV1(
            text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context,
            engine: engine)
    }

    private func decision(
        _ text: String, context: QuantizationContext
    ) throws(QuantizerError) -> (UCRAnchor, Double, [Quantization.Alternative]) {
        let prediction = classify(text, top: context.alternatives + 1)
        guard let anchor = context.codebook.anchor(mnemonic: prediction.decided) else {
            throw QuantizerError(
                .unknownAnchor, "the model predicts \(prediction.decided), which the codebook does not have", location: engine)
        }
        let alternatives = prediction.ranked.filter { $0.anchor != anchor.mnemonic }.prefix(context.alternatives)
        return (anchor, prediction.confidence, Array(alternatives))
    }
}
