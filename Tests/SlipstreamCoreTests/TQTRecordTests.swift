import SlipstreamCore
import Testing

@Suite struct TQTRecordTests {
    static let modelCard = """
        THOUGHT: I need bob to do a code review on the auth module
        QUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=normal | POLARITY=neutral] -> RequestReview
        SLIP: SLIP v1 alice bob RequestReview auth_module
        """

    @Test func parsesTheModelCardExample() throws {
        let record = try TQTRecord.parse(Self.modelCard)
        #expect(record.thought == "I need bob to do a code review on the auth module")
        #expect(record.quantize?.coords == Coordinates(action: 3, polarity: 4, domain: 0, urgency: 3))
        #expect(record.quantize?.anchor == "RequestReview")
        #expect(record.wire == "SLIP v1 alice bob RequestReview auth_module")
        #expect(record.formatted == Self.modelCard)
    }

    @Test func toleratesFencesChatterAndMissingLines() throws {
        let text = """
            Sure! Here is the message:

            ```
            **THOUGHT:**   Ask for a review
              SLIP:   `SLIP v1 alice bob RequestReview auth_module`
            ```
            Let me know if you need anything else.
            """
        let record = try TQTRecord.parse(text)
        #expect(record.thought == "Ask for a review")
        #expect(record.quantize == nil)
        #expect(record.wire == "SLIP v1 alice bob RequestReview auth_module")
    }

    @Test func findsAnUnlabelledWire() throws {
        let record = try TQTRecord.parse("I'll send: SLIP v1 alice bob MetaAck")
        #expect(record.anchor == "MetaAck")
    }

    @Test func saysWhatIsMissing() {
        #expect {
            _ = try TQTRecord.parse("THOUGHT: hmm\nQUANTIZE: [ACTION=request] -> RequestTask")
        } throws: { error in
            let error = error as? TQTError
            return error?.code == .missingWire && error?.message.contains("no SLIP line") == true
                && error?.message.contains("THOUGHT and QUANTIZE") == true
        }
        #expect { _ = try TQTRecord.parse("   \n ") } throws: { ($0 as? TQTError)?.code == .empty }
        #expect {
            _ = try TQTRecord.parse("SLIP: SLIP v1 alice bob Dance")
        } throws: { error in
            (error as? TQTError)?.code == .invalidWire && (error as? TQTError)?.line == 1
        }
    }

    @Test func labelsMapToCoordinatesAndBack() {
        for dimension in QuantizeLabels.Dimension.allCases {
            for level in 0..<8 {
                #expect(QuantizeLabels.level(of: QuantizeLabels.word(for: level, on: dimension), on: dimension) == level)
            }
        }
        #expect(QuantizeLabels.level(of: "low_normal", on: .urgency) == 2)
        #expect(QuantizeLabels.level(of: "strongly_negative", on: .polarity) == 0)
        #expect(QuantizeLabels.level(of: "ELEVATED", on: .urgency) == 4)
        #expect(QuantizeLabels.level(of: "sideways", on: .urgency) == nil)
    }

    @Test func readsTheV3QuantizeLine() {
        let line = QuantizeLine.parse("Force=Request Object=Plan")
        #expect(line.force == "Request" && line.object == "Plan")
        #expect(line.formatted == "Force=Request Object=Plan")
    }
}
