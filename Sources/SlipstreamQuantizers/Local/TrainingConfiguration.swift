/// How the `local` model is trained. The defaults produce the shipped model.
public struct TrainingConfiguration: Sendable, Hashable, Codable {
    /// Hash slots (a power of two); the model file holds `buckets × classes` floats.
    public var buckets: Int
    /// L2 regularization strength (on the mean cross-entropy).
    public var lambda: Double
    /// Full-batch accelerated gradient iterations.
    public var iterations: Int
    /// Folds of the cross-validation that fits the temperature and the Fallback threshold.
    public var calibrationFolds: Int
    /// Seeds the fold assignment (training itself is deterministic full-batch descent).
    public var seed: UInt64
    /// Thresholds larger than this are never chosen for Fallback.
    public var maxThreshold: Double

    public init(
        buckets: Int = 1 << 15, lambda: Double = 1e-4, iterations: Int = 300, calibrationFolds: Int = 5,
        seed: UInt64 = 42, maxThreshold: Double = 0.5
    ) {
        self.buckets = buckets
        self.lambda = lambda
        self.iterations = iterations
        self.calibrationFolds = calibrationFolds
        self.seed = seed
        self.maxThreshold = maxThreshold
    }
}
