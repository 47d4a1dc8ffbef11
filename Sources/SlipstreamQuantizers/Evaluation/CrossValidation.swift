import SlipstreamDatasets

/// k-fold cross-validation of the `local` engine: train on k−1 folds, quantize the held-out fold,
/// measure all held-out rows together.
public struct CrossValidation: Sendable {
    public var folds: Int
    public var trainer: LocalTrainer
    /// The temperature and threshold the fold models use (fold models are not calibrated again).
    public var temperature: Double
    public var threshold: Double

    public init(folds: Int = 5, trainer: LocalTrainer = LocalTrainer(), temperature: Double = 1, threshold: Double = 0) {
        self.folds = folds
        self.trainer = trainer
        self.temperature = temperature
        self.threshold = threshold
    }

    /// The report over all held-out rows.
    public func evaluate(
        _ examples: [TQTExample], dataset: String, evaluator: Evaluator = Evaluator(),
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> EvaluationReport {
        let labeled = examples.map(\.labeled)
        let assignment = try StratifiedFolds.assign(labels: labeled.map(\.anchor), folds: folds, seed: trainer.configuration.seed)
        let classes = try LocalTrainer.classes(of: labeled)
        var outcomes: [Evaluator.Outcome] = []
        for fold in 0..<folds {
            let train = labeled.indices.filter { assignment[$0] != fold }.map { labeled[$0] }
            var model = try trainer.fit(train, classes: classes)
            model.metadata.temperature = temperature
            model.metadata.threshold = threshold
            let quantizer = LocalQuantizer(model: model)
            let held = examples.indices.filter { assignment[$0] == fold }.map { examples[$0] }
            outcomes += try await evaluator.run(held, with: quantizer)
            progress?(fold + 1, folds)
        }
        return evaluator.report(outcomes, engine: "local", dataset: dataset, folds: folds)
    }
}
