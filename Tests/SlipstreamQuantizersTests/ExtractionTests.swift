import Testing

@testable import SlipstreamQuantizers

@Suite struct ExtractionTests {
    @Test(
        arguments: [
            ("Tell bob to review my authentication code", "bob"),
            ("Ask the qa team whether the build is green", "qa_team"),
            ("@carol please deploy to staging", "carol"),
            ("Dave, can you check the logs?", "dave"),
            ("Hand off the incident to eve", nil),
            ("Escalate this to frank", "frank"),
            ("Let grace know the migration finished", "grace"),
            ("Tell me what you think", nil),
            ("Review the auth module", nil),
        ] as [(String, String?)])
    func recipientIsFoundOnlyWhenNamed(_ text: String, _ expected: String?) {
        #expect(RecipientExtractor().recipient(in: text) == expected)
    }

    @Test func payloadIsSalientStrictSnakeCaseTokens() {
        let extractor = PayloadExtractor()
        #expect(extractor.extract(from: "Tell bob to review my authentication code", excluding: ["bob"]) == ["authentication_code"])
        let tokens = extractor.extract(
            from:
                "Deploy v2.3 of the payment-service to staging, then run the 12% canary in us-east-1 and eu-west-2 plus ap-south-1 and more regions"
        )
        #expect(tokens.count <= 6)
        #expect(tokens.contains("staging"))
        #expect(tokens.allSatisfy { !$0.isEmpty && $0.utf8.count <= 30 })
        #expect(extractor.extract(from: "the and of to") == [])
    }
}
