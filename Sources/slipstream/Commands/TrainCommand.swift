import ArgumentParser
import Foundation
import SlipstreamDatasets
import SlipstreamQuantizers

/// `slipstream train`: trains the `local` engine's model from a TQT JSONL file.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the local quantizer on a TQT JSONL file (deterministic for a seed).",
        discussion: """
            The shipped model is made with:
              swift run -c release slipstream train --dataset ../shared/data/tqt-v1-train.jsonl \\
                --out Sources/SlipstreamQuantizers/Resources/local-v1.slpq
            """)

    @Option(help: "TQT JSONL file (ShareGPT conversations).")
    var dataset: String

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Hash slots, a power of two.")
    var buckets = TrainingConfiguration().buckets

    @Option(help: "L2 regularization strength.")
    var lambda = TrainingConfiguration().lambda

    @Option(help: "Gradient iterations.")
    var iterations = TrainingConfiguration().iterations

    @Option(help: "Cross-validation folds for calibration (temperature, Fallback threshold).")
    var folds = TrainingConfiguration().calibrationFolds

    @Option(help: "Seed of the fold assignment.")
    var seed = TrainingConfiguration().seed

    @Flag(help: "Skip calibration (temperature 1, threshold 0).")
    var noCalibrate = false

    func run() async throws {
        let data = try TQTDataset(contentsOf: dataset)
        let config = TrainingConfiguration(
            buckets: buckets, lambda: lambda, iterations: iterations, calibrationFolds: folds, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let model = try LocalTrainer(configuration: config).train(data.examples.map(\.labeled), calibrate: !noCalibrate)
        let elapsed = start.duration(to: clock.now)
        try model.write(to: out)
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print("trained on \(data.examples.count) rows, \(model.metadata.classes.count) anchors in \(elapsed)")
        if let cv = model.metadata.crossValidation {
            print(
                String(
                    format: "%d-fold CV: accuracy %.4f, macro-F1 %.4f, with Fallback threshold %.2f: %.4f",
                    cv.folds, cv.accuracy, cv.macroF1, model.metadata.threshold, cv.accuracyWithThreshold))
            print(String(format: "temperature %.4f", model.metadata.temperature))
        }
        print("wrote \(out) (\(size) bytes)")
    }
}
