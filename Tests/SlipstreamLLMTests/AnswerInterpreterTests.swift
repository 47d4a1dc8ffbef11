import SlipstreamCore
import SlipstreamLLM
import Testing

@Suite struct AnswerInterpreterTests {
    let interpreter = AnswerInterpreter(ucr: .v1, version: .v1)

    @Test func aValidRecordPassesUnrepaired() throws {
        let outcome = try interpreter.interpret(Fixtures.validAnswer)
        #expect(outcome.record.wire == "SLIP v1 alice bob RequestReview auth_module")
        #expect(outcome.record.formatted == Fixtures.validAnswer)
        #expect(!outcome.repaired)
    }

    @Test func aMalformedRecordIsRepairedToAStrictWire() throws {
        let outcome = try interpreter.interpret(Fixtures.malformedAnswer)
        #expect(outcome.record.wire == "SLIP v1 alice bob RequestReview auth module")
        #expect(outcome.repaired)
        _ = try WireParser(profile: .strict).parse(outcome.record.wire)
    }

    @Test func garbageIsUnusable() {
        #expect {
            try interpreter.interpret(Fixtures.garbageAnswer)
        } throws: { error in
            (error as? LLMError)?.code == .unusableAnswer
        }
    }

    @Test func reasoningBeforeTheRecordIsSkipped() throws {
        let outcome = try interpreter.interpret("<think>SLIP v1 x y Nope</think>\n" + Fixtures.validAnswer)
        #expect(outcome.record.anchor == "RequestReview")
    }

    @Test func requestedAgentIdsReplaceTheModels() throws {
        let outcome = try AnswerInterpreter(ucr: .v1, version: .v1, src: "planner", dst: "exec")
            .interpret(Fixtures.validAnswer)
        #expect(outcome.record.wire == "SLIP v1 planner exec RequestReview auth_module")
        #expect(outcome.repairs.count == 2)
    }

    @Test func aWireOfTheOtherVersionIsUnusable() {
        #expect(throws: LLMError.self) {
            try interpreter.interpret("SLIP: SLIP v3 alice bob Request Review auth")
        }
    }
}

@Suite struct LLMRunSummaryTests {
    @Test func countsRepairsRetriesAndFallbacks() throws {
        let record = try TQTRecord.parse(Fixtures.validAnswer)
        let results = [
            LLMResult(record: record, engine: "llm", attempts: [.init(answer: "a", completionTokens: 30)]),
            LLMResult(record: record, engine: "llm", attempts: [.init(answer: "a", completionTokens: 10)], repairs: ["x"]),
            LLMResult(
                record: record, engine: "local",
                attempts: [.init(error: LLMError(.timeout, "t")), .init(error: LLMError(.timeout, "t"))],
                fallbackReason: "timeout: t"),
            LLMResult(record: record, engine: "llm", attempts: [.init(answer: "a")]),
        ]
        let summary = LLMRunSummary(results)
        #expect(summary.repaired == 1 && summary.retried == 1 && summary.fellBack == 1)
        #expect(summary.repairedOrFallbackFraction == 0.5)
        #expect(summary.fallbackReasons == ["timeout": 1])
        #expect(summary.completionTokens == 40)
        #expect(summary.lines[0] == "llm answers: 3/4 (75.0%), repaired 1 (25.0%), retried 1 (25.0%), fell back 1 (25.0%)")
    }
}
