import SlipstreamCore
import SlipstreamLLM
import Testing

@Suite struct ConstraintTests {
    @Test func v1GrammarTiesTheQuantizeAnchorToTheWireAnchor() {
        let gbnf = TQTConstraint(ucr: .v1, src: "alice", dst: "bob").gbnf
        #expect(gbnf.contains(#"root ::= "THOUGHT: " thought "\n""#))
        #expect(gbnf.contains(#""RequestReview\nSLIP: SLIP v1 " agents " " "RequestReview""#))
        #expect(gbnf.contains(#"agents ::= "alice" " " "bob""#))
        #expect(gbnf.contains(#"token ::= [A-Za-z0-9._-]{1,64}"#))
        #expect(gbnf.contains(#""low_normal""#))
        for anchor in UCR.v1.anchors { #expect(gbnf.contains("\"\(anchor.mnemonic)\"")) }
    }

    @Test func v3GrammarUsesForceObjectPairsAndAFallbackRef() {
        let gbnf = TQTConstraint(ucr: .v3).gbnf
        #expect(gbnf.contains(#""Request Object=Review\nSLIP: SLIP v3 " agents " " "Request Review""#))
        #expect(gbnf.contains(#""Fallback Generic" " " ref"#))
        #expect(gbnf.contains("agent ::= [A-Za-z0-9]{1,20}"))
        #expect(gbnf.contains("payload ::= ( \" \" token ){0,8}"))
    }

    @Test func unknownAgentsAllowAnyStrictId() {
        let gbnf = TQTConstraint(ucr: .v1).gbnf
        #expect(gbnf.contains("agents ::= agent \" \" agent"))
    }

    @Test func jsonSchemaListsAnchorsAsAnEnum() throws {
        let schema = TQTConstraint(ucr: .v1, src: "alice").jsonSchema.compactText
        #expect(schema.contains(#""anchor":{"enum":["ObserveState","ObserveChange""#))
        #expect(schema.contains(#""src":{"enum":["alice"]}"#))
        #expect(schema.contains(#""dst":{"type":"string","pattern":"^[A-Za-z0-9._-]{1,64}$"}"#))
        #expect(schema.contains(#""required":["thought","action","domain","urgency","polarity","anchor","src","dst","payload"]"#))
    }

    @Test func aJSONAnswerMapsBackToARecord() throws {
        let text = try #require(TQTConstraint(ucr: .v1).recordText(fromJSON: Fixtures.jsonAnswer))
        #expect(text == Fixtures.validAnswer)
    }

    @Test func jsonWithoutAnAnchorMapsToNothing() {
        #expect(TQTConstraint(ucr: .v1).recordText(fromJSON: #"{"thought":"hm"}"#) == nil)
        #expect(TQTConstraint(ucr: .v1).recordText(fromJSON: "not json") == nil)
    }
}
