import SlipstreamCore
import Testing

@Suite struct WireParserTests {
    @Test func decodesTheModelCardWire() throws {
        let message = try WireParser().parse("SLIP v1 alice bob RequestReview auth_module")
        #expect(message.version == .v1)
        #expect(message.anchor == "RequestReview")
        #expect(message.force == .request && message.object == "Review")
        #expect(message.payload == ["auth_module"])
    }

    @Test func v1QuotedPayloadCarriesNaturalLanguage() throws {
        let wire = #"SLIP v1 alice bob Fallback "please check the pods, they look odd" now"#
        let message = try WireParser().parse(wire)
        #expect(message.payload == ["please check the pods, they look odd", "now"])
        #expect(message.wire == wire)
    }

    @Test(arguments: [
        ("SLIP v1 alice bob RequestReview  auth", WireError.Code.invalidWhitespace),
        (" SLIP v1 alice bob RequestReview", .invalidWhitespace),
        ("SLIP v1 alice bob RequestReview ", .invalidWhitespace),
        ("SLIP v1 alice bob Yell", .unknownAnchor),
        ("SLIP v1 alice bob requestreview", .unknownAnchor),
        ("SLIP v1 al:ice bob RequestReview", .invalidAgentID),
        ("SLIP v1 alice bob RequestReview a:b", .invalidPayloadToken),
        (#"SLIP v1 alice bob Fallback "open"#, .unterminatedQuote),
        (#"SLIP v1 alice bob Fallback "a\b""#, .invalidPayloadToken),
        ("SLIP v1 alice bob", .tooFewTokens),
        ("SLIP v2 alice bob RequestReview", .badVersion),
        ("", .empty),
    ])
    func strictV1RejectsWithACode(_ line: String, _ code: WireError.Code) {
        #expect {
            _ = try WireParser().parse(line)
        } throws: { error in
            (error as? WireError)?.code == code
        }
    }

    @Test func unknownAnchorSuggestsTheRightSpelling() {
        #expect {
            _ = try WireParser().parse("SLIP v1 alice bob requestreview")
        } throws: { error in
            (error as? WireError)?.message.contains("did you mean RequestReview") == true
        }
    }

    @Test func linesOverTheLimitAreRefused() {
        let long = "SLIP v1 a b RequestTask " + String(repeating: "x", count: 5000)
        #expect {
            _ = try WireParser().parse(long)
        } throws: { error in
            (error as? WireError)?.code == .lineTooLong
        }
        var configuration = WireParser.Configuration()
        configuration.maxLineBytes = 10
        #expect(throws: WireError.self) { _ = try WireParser(configuration: configuration).parse("SLIP v1 a b RequestTask") }
    }

    @Test func lenientRepairsWhatModelsEmitAndReportsEachRepair() throws {
        let parser = WireParser(profile: .lenient)
        let outcome = try parser.parseReportingRepairs(
            "SLIP: `SLIP v1 security_team coordinator RequestPlan vulnerabilities: 3 severity: [high, critical] avg_latency:2.3s 12%`")
        #expect(
            outcome.message.wire
                == "SLIP v1 security_team coordinator RequestPlan vulnerabilities 3 severity high critical avg_latency 2.3s 12pct")
        #expect(outcome.repairs.contains { $0.code == .strippedDecoration })
        #expect(outcome.repairs.contains { $0.code == .splitToken && $0.original == "avg_latency:2.3s" })
        #expect(try WireParser().parse(outcome.message.wire) == outcome.message)
    }

    @Test func lenientFixesAnchorCaseAndV3Pairs() throws {
        let parser = WireParser(profile: .lenient)
        #expect(try parser.parse("slip V1 alice bob requestreview").wire == "SLIP v1 alice bob RequestReview")
        #expect(try parser.parse("SLIP v1 alice bob Request Review auth").wire == "SLIP v1 alice bob RequestReview auth")
    }

    @Test func lenientV3AddsTheLegacyFallbackRefAndCamelCasesTokens() throws {
        let parser = WireParser(profile: .lenient)
        #expect(try parser.parse("SLIP v3 qa planner Fallback Generic").wire == "SLIP v3 qa planner Fallback Generic reflegacy")
        #expect(try parser.parse("SLIP v3 q_a dev request Review auth_module").wire == "SLIP v3 qA dev Request Review authModule")
    }

    @Test func v3FollowsPythonWhitespaceSplitting() throws {
        let message = try WireParser().parse("\u{3000}SLIP\tv3 a\u{00A0}b  Request\u{1C}Plan x\n")
        #expect(message.wire == "SLIP v3 a b Request Plan x")
    }

    @Test func v3ParseErrorsAndValidationErrorsStayApart() {
        #expect { _ = try WireParser().parse("SLIP v3 a b") } throws: { ($0 as? WireError)?.kind == .parse }
        #expect { _ = try WireParser().parse("SLIP v3 a b c d") } throws: { ($0 as? WireError)?.kind == .validation }
    }

    @Test func errorsNameTheTokenAndItsOffset() {
        #expect {
            _ = try WireParser().parse("SLIP v3 a b Request Plan ok pay.load")
        } throws: { error in
            let error = error as? WireError
            return error?.code == .invalidPayloadToken && error?.token == "pay.load" && error?.offset == 28
                && error?.message.contains("Payload[1]") == true
        }
    }
}
