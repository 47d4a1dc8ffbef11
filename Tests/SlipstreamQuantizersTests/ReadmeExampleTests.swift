import SlipstreamCore
import SlipstreamQuantizers
import Testing

/// The README's "In Swift" example, line for line, with what its comments say it prints.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExamplePrintsWhatItSays() async throws {
        let quantizer = try LocalQuantizer.shipped()
        let result = try await quantizer.quantize(
            "Tell bob to review my authentication code", context: QuantizationContext(src: "alice"))
        #expect(result.message.wire == "SLIP v1 alice bob RequestReview authentication_code")

        let message = try WireParser().parse("SLIP v1 alice bob RequestReview auth_module")
        #expect(message.anchor == "RequestReview" && message.payload == ["auth_module"])

        let v3 = try SlipMessage.validatedV3(src: "planner", dst: "exec", force: .request, object: "Plan", payload: ["auth"])
        #expect(v3.wire == "SLIP v3 planner exec Request Plan auth")

        let translated = try await Translator(store: InMemoryFallbackStore()).translate(message, to: .v3)
        #expect(translated.message.wire == "SLIP v3 alice bob Request Review authModule")
    }
}
