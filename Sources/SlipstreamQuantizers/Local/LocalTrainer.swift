#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Trains the `local` model: hashed TF-IDF features, multinomial logistic regression with L2, fitted by
/// full-batch Nesterov-accelerated gradient descent (deterministic: no sampling, fixed order), then a
/// temperature and a Fallback threshold fitted on out-of-fold predictions.
///
/// ```swift
/// let model = try LocalTrainer().train(examples)   // ~seconds in release builds
/// try model.write(to: "local-v1.slpq")
/// ```
public struct LocalTrainer: Sendable {
    public var configuration: TrainingConfiguration

    public init(configuration: TrainingConfiguration = TrainingConfiguration()) {
        self.configuration = configuration
    }

    /// Trains on every example, calibrating on cross-validation folds first.
    public func train(_ examples: [LabeledText], calibrate: Bool = true) throws(QuantizerError) -> LocalModel {
        let classes = try Self.classes(of: examples)
        var temperature = 1.0
        var threshold = 0.0
        var summary: LocalModel.CrossValidationSummary?
        if calibrate {
            let folds = try StratifiedFolds.assign(
                labels: examples.map(\.anchor), folds: configuration.calibrationFolds, seed: configuration.seed)
            let logits = try outOfFoldLogits(examples, classes: classes, folds: folds, k: configuration.calibrationFolds)
            let truth = examples.map { classes.firstIndex(of: $0.anchor)! }
            temperature = Calibration.fitTemperature(logits: logits, truth: truth, classes: classes.count)
            let fallback = classes.firstIndex(of: "Fallback")
            let chosen = Calibration.fitThreshold(
                logits: logits, truth: truth, classes: classes.count, temperature: temperature, fallback: fallback,
                maxThreshold: configuration.maxThreshold)
            threshold = chosen.threshold
            let predicted = logits.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
            let metrics = ClassificationMetrics(truth: truth, predicted: predicted, classes: classes.count)
            summary = LocalModel.CrossValidationSummary(
                folds: configuration.calibrationFolds, accuracy: metrics.accuracy, macroF1: metrics.macroF1,
                accuracyWithThreshold: chosen.accuracy)
        }
        var model = try fit(examples, classes: classes)
        model.metadata.temperature = temperature
        model.metadata.threshold = threshold
        model.metadata.crossValidation = summary
        return model
    }

    /// The out-of-fold logits of every example (row-major `[example][class]`).
    public func outOfFoldLogits(
        _ examples: [LabeledText], classes: [String], folds: [Int], k: Int
    ) throws(QuantizerError) -> [[Float]] {
        var out = [[Float]](repeating: [], count: examples.count)
        for fold in 0..<k {
            let trainRows = examples.indices.filter { folds[$0] != fold }
            let model = try fit(trainRows.map { examples[$0] }, classes: classes)
            for row in examples.indices where folds[row] == fold { out[row] = model.logits(of: examples[row].text) }
        }
        return out
    }

    /// The sorted anchors of `examples`.
    static func classes(of examples: [LabeledText]) throws(QuantizerError) -> [String] {
        let classes = Set(examples.map(\.anchor)).sorted()
        guard classes.count >= 2 else {
            throw QuantizerError(.invalidTraining, "training needs at least two anchors, got \(classes.count)")
        }
        return classes
    }

    /// One uncalibrated fit (temperature 1, threshold 0) with a fixed class order.
    public func fit(_ examples: [LabeledText], classes: [String]) throws(QuantizerError) -> LocalModel {
        let config = configuration
        guard config.buckets > 0, config.buckets & (config.buckets - 1) == 0, config.buckets <= 1 << 22 else {
            throw QuantizerError(.invalidTraining, "buckets must be a power of two up to 2^22, got \(config.buckets)")
        }
        guard !examples.isEmpty else { throw QuantizerError(.invalidTraining, "no training rows") }
        guard config.lambda > 0, config.iterations > 0 else {
            throw QuantizerError(.invalidTraining, "lambda and iterations must be positive")
        }
        let k = classes.count
        var classIndex: [String: Int] = [:]
        for (i, name) in classes.enumerated() { classIndex[name] = i }
        let labels = try examples.map { (example) throws(QuantizerError) -> Int in
            guard let index = classIndex[example.anchor] else {
                throw QuantizerError(.invalidTraining, "anchor \(example.anchor) is not among the classes")
            }
            return index
        }
        let hasher = FeatureHasher(buckets: config.buckets)
        // IDF (scikit-learn's smooth_idf): ln((1 + n) / (1 + df)) + 1.
        var df = [Int](repeating: 0, count: config.buckets)
        for example in examples {
            for bucket in hasher.uniqueBuckets(of: example.text) { df[Int(bucket)] += 1 }
        }
        let n = examples.count
        let idf = df.map { Float(log(Double(1 + n) / Double(1 + $0)) + 1) }
        // The design matrix in CSR form.
        var rowStart = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        for example in examples {
            let features = hasher.features(of: example.text, idf: idf)
            columns += features.buckets.map { Int32($0) }
            values += features.values
            rowStart.append(columns.count)
        }
        let (weights, bias) = Self.descend(
            rowStart: rowStart, columns: columns, values: values, labels: labels, classes: k,
            buckets: config.buckets, lambda: Float(config.lambda), iterations: config.iterations)
        let metadata = LocalModel.Metadata(
            classes: classes, buckets: config.buckets, temperature: 1, threshold: 0, training: config,
            crossValidation: nil, rows: n)
        return try LocalModel(metadata: metadata, idf: idf, weights: weights, bias: bias)
    }

    /// Nesterov's accelerated gradient for a strongly convex smooth objective:
    /// `mean cross-entropy + λ/2 ‖W‖²` with step `1 / (1/2 + λ)`.
    static func descend(
        rowStart: [Int], columns: [Int32], values: [Float], labels: [Int], classes k: Int, buckets: Int,
        lambda: Float, iterations: Int
    ) -> ([Float], [Float]) {
        let n = labels.count
        let size = buckets * k
        var w = [Float](repeating: 0, count: size)
        var previous = w
        var look = w
        var gradient = w
        var b = [Float](repeating: 0, count: k)
        var bPrevious = b
        var bLook = b
        var bGradient = b
        var residual = [Float](repeating: 0, count: n * k)
        let lipschitz = 0.5 + lambda
        let step = 1 / lipschitz
        let q = (lambda / lipschitz).squareRoot()
        let momentum = (1 - q) / (1 + q)
        let inverseN = 1 / Float(n)
        rowStart.withUnsafeBufferPointer { rowStart in
            columns.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { values in
                    labels.withUnsafeBufferPointer { labels in
                        w.withUnsafeMutableBufferPointer { w in
                            previous.withUnsafeMutableBufferPointer { previous in
                                look.withUnsafeMutableBufferPointer { look in
                                    gradient.withUnsafeMutableBufferPointer { gradient in
                                        residual.withUnsafeMutableBufferPointer { residual in
                                            for _ in 0..<iterations {
                                                // Look-ahead point.
                                                for j in 0..<size { look[j] = w[j] + momentum * (w[j] - previous[j]) }
                                                for c in 0..<k { bLook[c] = b[c] + momentum * (b[c] - bPrevious[c]) }
                                                // Residuals (softmax − one-hot) / n.
                                                for i in 0..<n {
                                                    let r = residual.baseAddress! + i * k
                                                    for c in 0..<k { r[c] = bLook[c] }
                                                    for j in rowStart[i]..<rowStart[i + 1] {
                                                        let row = look.baseAddress! + Int(columns[j]) * k
                                                        let v = values[j]
                                                        for c in 0..<k { r[c] += v * row[c] }
                                                    }
                                                    var top = r[0]
                                                    for c in 1..<k where r[c] > top { top = r[c] }
                                                    var sum: Float = 0
                                                    for c in 0..<k {
                                                        r[c] = expf(r[c] - top)
                                                        sum += r[c]
                                                    }
                                                    let scale = inverseN / sum
                                                    for c in 0..<k { r[c] *= scale }
                                                    r[labels[i]] -= inverseN
                                                }
                                                // Gradient.
                                                for j in 0..<size { gradient[j] = lambda * look[j] }
                                                for c in 0..<k { bGradient[c] = 0 }
                                                for i in 0..<n {
                                                    let r = residual.baseAddress! + i * k
                                                    for c in 0..<k { bGradient[c] += r[c] }
                                                    for j in rowStart[i]..<rowStart[i + 1] {
                                                        let row = gradient.baseAddress! + Int(columns[j]) * k
                                                        let v = values[j]
                                                        for c in 0..<k { row[c] += v * r[c] }
                                                    }
                                                }
                                                // Step from the look-ahead point.
                                                for j in 0..<size {
                                                    previous[j] = w[j]
                                                    w[j] = look[j] - step * gradient[j]
                                                }
                                                for c in 0..<k {
                                                    bPrevious[c] = b[c]
                                                    b[c] = bLook[c] - step * bGradient[c]
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (w, b)
    }
}
