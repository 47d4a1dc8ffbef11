import SlipstreamCore
import Testing

/// `SlipMessage.validatedV1`: the strict profile's rules applied to fields before they are joined.
@Suite struct V1FormatTests {
    @Test func validFieldsMakeTheWireTheParserReadsBack() throws {
        let message = try SlipMessage.validatedV1(
            src: "alice", dst: "bob", anchor: "Fallback", payload: ["please check the pods", "now", ""])
        #expect(message.wire == #"SLIP v1 alice bob Fallback "please check the pods" now """#)
        #expect(try WireParser().parse(message.wire) == message)
        #expect(message.payload == ["please check the pods", "now", ""])
    }

    @Test(arguments: [
        (["a b", "bob", "MetaAck"], [String](), WireError.Code.invalidAgentID, 8),
        (["alice", "", "MetaAck"], [], .invalidAgentID, 14),
        (["alice", "bob", "requestreview"], [], .unknownAnchor, 18),
        (["alice", "bob", "MetaAck"], ["ok", #"say "hi""#], .invalidPayloadToken, 29),
        (["alice", "bob", "MetaAck"], ["line\nbreak"], .invalidPayloadToken, 26),
        (["alice", "bob", "MetaAck"], [String(repeating: "x", count: 1025)], .payloadTokenTooLong, 26),
        (["alice", "bob", "MetaAck"], Array(repeating: "t", count: 65), .tooManyPayloadTokens, 25),
        (["alice", "bob", "MetaAck"], Array(repeating: String(repeating: "y", count: 1000), count: 5), .lineTooLong, 4096),
    ])
    func brokenFieldsAreRefusedWhereTheyWouldBe(_ head: [String], _ payload: [String], _ code: WireError.Code, _ offset: Int) {
        let result = Result { () throws(WireError) in
            try SlipMessage.validatedV1(src: head[0], dst: head[1], anchor: head[2], payload: payload)
        }
        guard case .failure(let error) = result else {
            Issue.record("accepted \(head) \(payload)")
            return
        }
        #expect(error.code == code)
        #expect(error.offset == offset)
    }

    @Test func theUnknownAnchorErrorSuggestsTheRightCase() {
        #expect {
            try SlipMessage.validatedV1(src: "a", dst: "b", anchor: "requestreview")
        } throws: { error in
            (error as? WireError)?.message.contains("did you mean RequestReview?") == true
        }
    }

    /// It accepts exactly the fields whose joined wire the strict parser reads back as the same fields.
    @Test func itAcceptsExactlyWhatParsesBackToTheSameFields() throws {
        var rng = SplitMix64(seed: 41)
        // Mostly token characters, so that many field sets are valid.
        let chars = Array(String(repeating: "abz09._-", count: 6) + " \"\\\té😀:")
        func word(_ lengths: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: lengths, using: &rng)).map { _ in chars.randomElement(using: &rng)! })
        }
        let anchors = ["RequestReview", "MetaAck", "Fallback", "requestReview", "Nope"]
        var accepted = 0
        for _ in 0..<5000 {
            let src = word(0...6)
            let dst = word(0...6)
            let anchor = anchors[Int.random(in: 0...6, using: &rng) % anchors.count]
            let payload = (0..<Int.random(in: 0...4, using: &rng)).map { _ in word(0...8) }
            let unchecked = SlipMessage(
                version: .v1, src: src, dst: dst, anchor: anchor, force: .meta, object: "Ack", payload: payload)
            let parsed = try? WireParser().parse(unchecked.wire)
            let roundTrips =
                parsed.map { $0.src == src && $0.dst == dst && $0.anchor == anchor && $0.payload == payload } ?? false
            let checked = try? SlipMessage.validatedV1(src: src, dst: dst, anchor: anchor, payload: payload)
            #expect((checked != nil) == roundTrips, "\(unchecked.wire.debugDescription)")
            if let checked {
                accepted += 1
                #expect(parsed == checked)
            }
        }
        #expect(accepted > 100)
    }
}
