import SlipstreamCore
import Testing

/// `SlipMessage.v3` (unchecked) and `SlipMessage.validatedV3` (slipcore's `format_slip`); the
/// differential test against slipcore itself is in DifferentialTests.
@Suite struct V3FormatTests {
    @Test func validFieldsMakeTheSameMessageBothWays() throws {
        let checked = try SlipMessage.validatedV3(src: "planner", dst: "exec", force: .request, object: "Plan", payload: ["auth"])
        #expect(checked.wire == "SLIP v3 planner exec Request Plan auth")
        #expect(checked == SlipMessage.v3(src: "planner", dst: "exec", force: .request, object: "Plan", payload: ["auth"]))
        #expect(try WireParser().parse(checked.wire) == checked)
    }

    @Test func aFallbackRefIsGivenOrTheFirstPayloadToken() throws {
        let given = try SlipMessage.validatedV3(
            src: "qa", dst: "planner", force: .fallback, object: "Generic", payload: ["now"], fallbackRef: "ref7f3a")
        let first = try SlipMessage.validatedV3(
            src: "qa", dst: "planner", force: .fallback, object: "Generic", payload: ["ref7f3a", "now"])
        for message in [given, first] {
            #expect(message.wire == "SLIP v3 qa planner Fallback Generic ref7f3a now")
            #expect(message.fallbackRef == "ref7f3a" && message.payload == ["now"])
        }
    }

    @Test func aRefGivenToAnotherForceIsTheFirstPayloadToken() throws {
        let message = SlipMessage.v3(src: "a", dst: "b", force: .inform, object: "Status", payload: ["x"], fallbackRef: "r1")
        #expect(message.wire == "SLIP v3 a b Inform Status r1 x")
        #expect(message.fallbackRef == nil && message.payload == ["r1", "x"])
        #expect(try WireParser().parse(message.wire) == message)
    }

    @Test(arguments: [
        (["a_b", "b", "Plan"], [String](), WireError.Code.invalidAgentID, "src invalid: \"a_b\"", 8),
        (["a", "", "Plan"], [], .invalidAgentID, "dst invalid: \"\"", 10),
        (["a", String(repeating: "b", count: 21), "Plan"], [], .invalidAgentID, "dst invalid: \"bbbbbbbbbbbbbbbbbbbbb\"", 10),
        (["a", "b", "Pl an"], [], .invalidObject, "Object invalid: \"Pl an\"", 20),
        (["a", "b", "Plan"], ["ok", "née"], .invalidPayloadToken, "Payload[1] not alphanumeric: \"née\"", 28),
        (["a", "b", "Plan"], ["ok", String(repeating: "x", count: 31)], .payloadTokenTooLong, "Payload[1] too long: 31", 28),
        (["a", "b", "Plan"], Array(repeating: "t", count: 21), .tooManyPayloadTokens, "Payload too long: 21 > 20", 25),
        (["a", "b", "Plan"], ["line\n"], .invalidPayloadToken, "Payload[0] not alphanumeric: \"line\\n\"", 25),
    ])
    func brokenFieldsAreRefusedWithSlipcoresMessage(
        _ head: [String], _ payload: [String], _ code: WireError.Code, _ message: String, _ offset: Int
    ) {
        let result = Result { () throws(WireError) in
            try SlipMessage.validatedV3(src: head[0], dst: head[1], force: .request, object: head[2], payload: payload)
        }
        guard case .failure(let error) = result else {
            Issue.record("accepted: \(payload)")
            return
        }
        #expect(error.code == code && error.kind == .validation)
        #expect(error.message == message)
        #expect(error.offset == offset)
    }

    @Test func aFallbackNeedsAShortRef() {
        #expect(throws: WireError.self) {
            try SlipMessage.validatedV3(src: "a", dst: "b", force: .fallback, object: "Generic")
        }
        let result = Result { () throws(WireError) in
            try SlipMessage.validatedV3(src: "a", dst: "b", force: .fallback, object: "Generic", payload: ["r234567890abcdefg"])
        }
        guard case .failure(let error) = result else {
            Issue.record("a 17-character ref was accepted")
            return
        }
        #expect(error.code == .invalidFallbackRef && error.message == "Invalid fallback ref: \"r234567890abcdefg\"")
    }

    /// Past the longest valid wire the formatter measures first; the Force may then be the last field.
    @Test func aWireLongerThanAnyValidOneEndingInTheForceIsFormatted() {
        let src = String(repeating: "a", count: 800)
        for force in Force.allCases {
            let message = SlipMessage.v3(src: src, dst: "b", force: force, object: "")
            #expect(message.wire == "SLIP v3 \(src) b \(force.rawValue) ")
            #expect(message.force == force && message.object == "")
        }
    }

    /// Unchecked formatting is the fields joined by spaces, whatever they hold and however long the
    /// wire (past the longest valid wire it takes another path); checked formatting agrees on valid fields.
    @Test func uncheckedFormattingJoinsAnyFields() throws {
        var rng = SplitMix64(seed: 12)
        let chars = Array("abcXYZ019 _-éß😀\t")
        func word(_ lengths: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: lengths, using: &rng)).map { _ in chars.randomElement(using: &rng)! })
        }
        for round in 0..<3000 {
            let force = Force.allCases.randomElement(using: &rng)!
            let long = round % 3 == 0
            let src = word(0...(long ? 900 : 20))
            let dst = word(0...20)
            let object = word(0...(long ? 300 : 30))
            let payload = (0..<Int.random(in: 0...(long ? 40 : 20), using: &rng)).map { _ in word(0...(long ? 60 : 30)) }
            let message = SlipMessage.v3(src: src, dst: dst, force: force, object: object, payload: payload)
            #expect(message.wire == (["SLIP", "v3", src, dst, force.rawValue, object] + payload).joined(separator: " "))
            #expect(message.src == src && message.dst == dst && message.object == object && message.force == force)
            if let checked = try? SlipMessage.validatedV3(src: src, dst: dst, force: force, object: object, payload: payload) {
                #expect(checked == message)
                #expect(try WireParser().parse(message.wire) == message)
            }
        }
    }
}
