/// The weights of the `local` engine: a multinomial logistic regression over hashed TF-IDF features,
/// with a temperature for calibrated probabilities and a Fallback threshold.
///
/// Stored as a compact binary file (see ``LocalModel/serialized()``): a JSON header (``Metadata``)
/// followed by little-endian `Float32` arrays for the IDF weights, the weight matrix (bucket-major,
/// `buckets × classes`) and the biases.
public struct LocalModel: Sendable {
    /// Everything about the model except the big arrays.
    public struct Metadata: Sendable, Hashable, Codable {
        /// The file format's version.
        public var formatVersion: Int
        /// The anchors, in the column order of the weights (v1 mnemonics).
        public var classes: [String]
        /// The number of hash slots.
        public var buckets: Int
        /// Divides the logits before the softmax (fitted on cross-validation folds).
        public var temperature: Double
        /// Below this calibrated probability the engine emits Fallback.
        public var threshold: Double
        /// How the model was trained.
        public var training: TrainingConfiguration
        /// Cross-validation figures measured while training (nil when calibration was skipped).
        public var crossValidation: CrossValidationSummary?
        /// The number of training rows.
        public var rows: Int

        public init(
            formatVersion: Int = LocalModel.formatVersion, classes: [String], buckets: Int, temperature: Double,
            threshold: Double, training: TrainingConfiguration, crossValidation: CrossValidationSummary?, rows: Int
        ) {
            self.formatVersion = formatVersion
            self.classes = classes
            self.buckets = buckets
            self.temperature = temperature
            self.threshold = threshold
            self.training = training
            self.crossValidation = crossValidation
            self.rows = rows
        }
    }

    /// Cross-validation figures stored with the model.
    public struct CrossValidationSummary: Sendable, Hashable, Codable {
        public var folds: Int
        public var accuracy: Double
        public var macroF1: Double
        /// Accuracy after the Fallback threshold is applied.
        public var accuracyWithThreshold: Double

        public init(folds: Int, accuracy: Double, macroF1: Double, accuracyWithThreshold: Double) {
            self.folds = folds
            self.accuracy = accuracy
            self.macroF1 = macroF1
            self.accuracyWithThreshold = accuracyWithThreshold
        }
    }

    /// The current file format version.
    public static let formatVersion = 1
    /// The file's first four bytes.
    static let magic: [UInt8] = Array("SLPQ".utf8)

    public var metadata: Metadata
    /// One IDF weight per bucket.
    public var idf: [Float]
    /// `buckets × classes`, bucket-major.
    public var weights: [Float]
    /// One bias per class.
    public var bias: [Float]

    public init(metadata: Metadata, idf: [Float], weights: [Float], bias: [Float]) throws(QuantizerError) {
        let k = metadata.classes.count
        guard k > 0, metadata.buckets > 0, metadata.buckets & (metadata.buckets - 1) == 0 else {
            throw QuantizerError(.invalidModel, "model needs at least one class and a power-of-two bucket count")
        }
        guard idf.count == metadata.buckets, weights.count == metadata.buckets * k, bias.count == k else {
            throw QuantizerError(
                .invalidModel,
                "array sizes (idf \(idf.count), weights \(weights.count), bias \(bias.count)) do not match "
                    + "\(metadata.buckets) buckets × \(k) classes")
        }
        guard metadata.temperature > 0, metadata.temperature.isFinite else {
            throw QuantizerError(.invalidModel, "temperature \(metadata.temperature) must be positive")
        }
        self.metadata = metadata
        self.idf = idf
        self.weights = weights
        self.bias = bias
    }

    /// The featurizer matching this model.
    public var hasher: FeatureHasher { FeatureHasher(buckets: metadata.buckets) }

    /// The raw logits of `text` (one per class), written into `scores`.
    @inline(__always)
    public func logits(of text: String, into scores: UnsafeMutableBufferPointer<Float>) {
        let k = metadata.classes.count
        precondition(scores.count >= k)
        idf.withUnsafeBufferPointer { idf in
            weights.withUnsafeBufferPointer { w in
                for c in 0..<k { scores[c] = bias[c] }
                hasher.withFeatures(of: text, idf: idf) { buckets, values in
                    for j in 0..<buckets.count {
                        let row = Int(buckets[j]) &* k
                        let v = values[j]
                        for c in 0..<k { scores[c] += v * w[row &+ c] }
                    }
                }
            }
        }
    }

    /// The logits of `text` as an array.
    public func logits(of text: String) -> [Float] {
        var out = [Float](repeating: 0, count: metadata.classes.count)
        out.withUnsafeMutableBufferPointer { logits(of: text, into: $0) }
        return out
    }
}
