import SlipstreamCore
import SlipstreamDatasets
import Testing

@testable import SlipstreamQuantizers

@Suite struct LocalQuantizerTests {
    let local: LocalQuantizer
    init() throws { local = try LocalQuantizer.shipped() }

    @Test func modelCardExampleEncodesToRequestReviewForBob() async throws {
        let result = try await local.quantize(
            "Tell bob to review my authentication code", context: QuantizationContext(src: "alice"))
        #expect(result.wire.hasPrefix("SLIP v1 alice bob RequestReview"))
        #expect(result.record.formatted.split(separator: "\n").count == 3)
        #expect(
            result.record.formatted.contains(
                "QUANTIZE: [ACTION=request | DOMAIN=evaluation | URGENCY=normal | POLARITY=neutral] -> RequestReview"))
        #expect(result.engine == "local")
        #expect(result.payload.count <= 6)
    }

    @Test func shippedModelIsSmallAndCoversTheTrainingAnchors() throws {
        let model = local.model
        #expect(model.metadata.classes.count == 19)
        #expect(model.metadata.classes.contains("Fallback"))
        #expect(try model.serialized().count <= 5_000_000)
        for name in model.metadata.classes { #expect(UCR.v1.anchor(mnemonic: name) != nil) }
    }

    @Test func everyEmittedWireIsStrictValid() throws {
        let dataset = try Fixtures.training.get()
        let parser = WireParser(profile: .strict)
        let context = QuantizationContext(src: "alice")
        let texts = dataset.examples.map(\.text) + Fixtures.oddTexts + Fixtures.randomTexts(count: 300, seed: 7)
        for text in texts {
            let result = try local.quantizeV1(text, context: context)
            #expect(throws: Never.self) { try parser.parse(result.wire) }
            #expect(result.payload.count <= 6 || result.isFallback)
        }
    }

    @Test(arguments: [WireVersion.v1, .v3])
    func arbitraryInputNeverCrashesAndStaysValid(_ version: WireVersion) async throws {
        let parser = WireParser(profile: .strict)
        let store = InMemoryFallbackStore()
        let context = QuantizationContext(src: "a gent!", dst: nil, version: version, fallbackStore: store)
        for text in Fixtures.oddTexts + Fixtures.randomTexts(count: 100, seed: 11) {
            let result = try await local.quantize(text, context: context)
            #expect(throws: Never.self) { try parser.parse(result.wire) }
            #expect((0...1).contains(result.confidence))
        }
    }

    @Test func belowTheThresholdTheResultIsFallback() async throws {
        let strict = LocalQuantizer(model: local.model, threshold: 0.999_999)
        let v1 = try await strict.quantize("Please review the auth module", context: QuantizationContext(src: "alice", dst: "bob"))
        #expect(v1.anchor.mnemonic == "Fallback")
        #expect(v1.payload == ["Please review the auth module"])
        #expect(v1.wire == "SLIP v1 alice bob Fallback \"Please review the auth module\"")
        let store = InMemoryFallbackStore()
        let v3 = try await strict.quantize(
            "Please review the auth module", context: QuantizationContext(src: "alice", dst: "bob", version: .v3, fallbackStore: store))
        let ref = try #require(v3.message.fallbackRef)
        #expect(try await store.retrieve(ref) == "Please review the auth module")
    }

    @Test func confidenceIsACalibratedProbabilityWithRankedAlternatives() {
        let prediction = local.classify("LGTM, ship it", top: 4)
        #expect(prediction.ranked.count == 4)
        #expect(prediction.ranked.first?.anchor == prediction.anchor)
        #expect(zip(prediction.ranked, prediction.ranked.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
        #expect(prediction.ranked.reduce(0) { $0 + $1.confidence } <= 1.000_001)
    }

    @Test func hotPathAgreesWithClassify() {
        for text in ["Please review the auth module", "I'm blocked on the database migration", "Got it, thanks"] {
            let index = local.decide(text)
            #expect(local.model.metadata.classes[index] == local.classify(text).decided)
        }
    }
}
