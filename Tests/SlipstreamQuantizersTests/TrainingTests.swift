import SlipstreamDatasets
import Testing

@testable import SlipstreamQuantizers

@Suite struct TrainingTests {
    /// Retraining from the shared file with the shipped configuration gives the shipped model: the same
    /// predictions on every row, so the same accuracy.
    @Test func retrainingReproducesTheShippedModel() throws {
        let dataset = try Fixtures.training.get()
        let shipped = try LocalModel.shipped()
        let examples = dataset.examples.map(\.labeled)
        let trainer = LocalTrainer(configuration: shipped.metadata.training)
        let retrained = try trainer.fit(examples, classes: shipped.metadata.classes)
        #expect(retrained.metadata.rows == shipped.metadata.rows)
        func accuracy(_ model: LocalModel) -> Double {
            let quantizer = LocalQuantizer(model: model, threshold: 0)
            let right = examples.filter { model.metadata.classes[quantizer.decide($0.text)] == $0.anchor }.count
            return Double(right) / Double(examples.count)
        }
        #expect(abs(accuracy(retrained) - accuracy(shipped)) < 1e-9)
        let largest = zip(retrained.weights, shipped.weights).reduce(Float(0)) { max($0, abs($1.0 - $1.1)) }
        #expect(largest < 1e-4)
    }

    @Test func modelFilesRoundTripAndBadFilesAreRefused() throws {
        let examples = [
            LabeledText(text: "please review the code", anchor: "RequestReview"),
            LabeledText(text: "review my pull request", anchor: "RequestReview"),
            LabeledText(text: "the job is done", anchor: "InformComplete"),
            LabeledText(text: "finished the migration", anchor: "InformComplete"),
        ]
        let trainer = LocalTrainer(configuration: TrainingConfiguration(buckets: 1 << 8, iterations: 20))
        let model = try trainer.train(examples, calibrate: false)
        let bytes = try model.serialized()
        let back = try LocalModel(bytes: bytes)
        #expect(back.weights == model.weights && back.idf == model.idf && back.metadata == model.metadata)
        #expect(throws: QuantizerError.self) { try LocalModel(bytes: Array("nope".utf8)) }
        #expect(throws: QuantizerError.self) { try LocalModel(bytes: bytes.dropLast(4)) }
        #expect(throws: QuantizerError.self) { try LocalModel(bytes: Array(bytes.prefix(12))) }
        #expect(throws: QuantizerError.self) { try trainer.train([examples[0]]) }
    }

    @Test func foldsAreStratifiedAndDeterministic() throws {
        let labels = (0..<50).map { $0 % 5 == 0 ? "A" : "B" }
        let a = try StratifiedFolds.assign(labels: labels, folds: 5, seed: 42)
        #expect(a == (try StratifiedFolds.assign(labels: labels, folds: 5, seed: 42)))
        for fold in 0..<5 {
            #expect(labels.indices.filter { a[$0] == fold && labels[$0] == "A" }.count == 2)
        }
        #expect(throws: QuantizerError.self) { try StratifiedFolds.assign(labels: ["A"], folds: 5, seed: 1) }
    }
}
