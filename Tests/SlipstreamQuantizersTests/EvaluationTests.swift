import Foundation
import SlipstreamDatasets
import Testing

@testable import SlipstreamQuantizers

@Suite struct EvaluationTests {
    @Test func evalJSONHasTheContractFields() async throws {
        let dataset = try Fixtures.training.get()
        let rows = Array(dataset.examples.prefix(60))
        let report = try await Evaluator().evaluate(rows, with: try LocalQuantizer.shipped(), dataset: "train")
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any]
        let object = try #require(json)
        for key in ["accuracy", "macroF1", "perAnchor", "confusion", "dimensions", "latency", "fallback", "wireValidity", "dst", "payload"]
        {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(report.rows == 60)
        #expect(report.wireValidity == 1)
        #expect(report.confusion.matrix.count == report.confusion.labels.count)
        #expect(report.confusion.matrix.reduce(0) { $0 + $1.reduce(0, +) } == 60)
        #expect(report.html().contains("<svg"))
    }

    @Test func rowsInFlightAtOnceKeepTheirOrderAndResults() async throws {
        let rows = Array(try Fixtures.training.get().examples.prefix(80))
        let keyword = KeywordQuantizer()
        let one = try await Evaluator().run(rows, with: keyword)
        let many = try await Evaluator().run(rows, with: keyword, concurrency: 6)
        #expect(many.map(\.example) == one.map(\.example))
        #expect(many.map(\.result.anchor) == one.map(\.result.anchor))
    }

    @Test func metricsMatchHandComputedValues() {
        // truth: A A B B, predicted: A B B B
        let m = ClassificationMetrics(truth: [0, 0, 1, 1], predicted: [0, 1, 1, 1], classes: 2)
        #expect(m.accuracy == 0.75)
        #expect(m.precision(1) == 2.0 / 3.0)
        #expect(m.recall(0) == 0.5)
        #expect(abs(m.macroF1 - (2.0 / 3.0 + 0.8) / 2) < 1e-12)
    }

    @Test func keywordEngineFollowsSlipcore() async throws {
        let keyword = KeywordQuantizer()
        #expect(keyword.decide("Please review the auth code").force == "Request")
        #expect(keyword.decide("Please review the auth code").object == "Review")
        #expect(keyword.decide("zzz qqq").isFallback)
        let result = try await keyword.quantize("Please review the auth code", context: .init(src: "dev", dst: "reviewer"))
        #expect(result.wire == "SLIP v1 dev reviewer RequestReview auth_code")
    }
}
