import Foundation
import SlipstreamA2A
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// Building SLIP-A2A messages and reading them back, with every refusal the reader can give.
@Suite struct SlipA2AMessageTests {
    static let uri = SlipA2A.extensionURI

    static func message(_ text: String = "SLIP v3 planner reviewer Request Review auth", hash: String? = nil) -> String {
        let metadata = "{\"slipVersion\":\"v3\",\"encoding\":\"force-object\"" + (hash.map { ",\"ucrHash\":\"\($0)\"" } ?? "") + "}"
        return """
            {"messageId":"m1","role":"user","parts":[{"text":\(JSONValue.string(text).compactText)}],\
            "extensions":["\(uri)"],"metadata":{"\(uri)":\(metadata)}}
            """
    }

    @Test func aBuiltMessageHasTheWireFirstTheExtensionAndItsMetadata() throws {
        let wire = try WireParser().parse("SLIP v3 planner reviewer Request Review auth")
        let message = SlipA2AMessage(wire: wire, metadata: SlipA2AMetadata(ucr: .v3, confidence: 0.5), messageId: "m1")
        let hash = SlipA2A.ucrHash(of: .v3)
        #expect(
            message.json.compactText
                == """
                {"messageId":"m1","role":"user","parts":[{"text":"SLIP v3 planner reviewer Request Review auth"}],\
                "extensions":["\(Self.uri)"],"metadata":{"\(Self.uri)":{"slipVersion":"v3","encoding":"force-object",\
                "ucrVersion":"3.0.0","ucrHash":"\(hash)","confidence":0.5}}}
                """)
        #expect(try SlipA2AMessage.read(message.json.compactText, ucr: .v3) == message)
    }

    @Test func theSwiftExampleOfTheDocsGivesTheMessageTheDocsShow() throws {
        let docs = try String(contentsOf: Repository.url("docs/a2a.md"), encoding: .utf8)
        let wire = try WireParser().parse("SLIP v3 planner reviewer Request Review auth")
        let message = SlipA2AMessage(wire: wire, metadata: SlipA2AMetadata(ucr: .v3), messageId: "m1")
        #expect(docs.contains(message.json.compactText + "\n"))
        #expect(try SlipA2AMessage.read(message.json.compactText, ucr: .v3).wire.object == "Review")
    }

    @Test func theUCRHashIsTheSHA256OfTheSpecsAnchorLines() throws {
        let ucr = try UCR(
            format: .v3, authority: UCR.Authority(ucrVersion: "1.0.0"),
            anchors: [
                UCRAnchor(index: 2, force: .inform, object: "Done", canonical: "Done", coords: Coordinates(1, 2, 3, 4)),
                UCRAnchor(index: 1, force: .request, object: "Review", canonical: "Review it", coords: Coordinates(3, 4, 3, 3)),
            ])
        let text = "1|Request|Review|Review it|3,4,3,3\n2|Inform|Done|Done|1,2,3,4"
        #expect(SlipA2A.ucrHash(of: ucr) == "sha256:" + SHA256.hexDigest(text))
        #expect(SlipA2A.ucrHash(of: .v3).count == 7 + 64)
        #expect(SlipA2A.ucrHash(of: .v3) != SlipA2A.ucrHash(of: .v1))
    }

    @Test func otherPartsExtensionsMetadataAndMembersPassThrough() throws {
        let text = """
            {"messageId":"m2","role":"agent","kind":"message","parts":[{"text":" SLIP v3 dev reviewer Request Review \\n"},\
            {"file":{"name":"diff.patch","mimeType":"text/x-diff","bytes":"AAAA"}},{"data":{"n":1}}],\
            "extensions":["urn:other","\(Self.uri)"],"metadata":{"urn:other":{"x":true},"\(Self.uri)":{"slipVersion":"v3","trace":"t1"}}}
            """
        let message = try SlipA2AMessage.read(text)
        #expect(message.wire.wire == "SLIP v3 dev reviewer Request Review")
        #expect(message.role == "agent")
        #expect(message.otherParts.count == 2)
        #expect(message.otherParts[0]["file"]?["name"]?.stringValue == "diff.patch")
        #expect(message.otherExtensions == ["urn:other"])
        #expect(message.otherMetadata.map(\.0) == ["urn:other"])
        #expect(message.otherMembers.map(\.0) == ["kind"])
        #expect(message.metadata?.extra.map(\.0) == ["trace"])
        let again = try SlipA2AMessage.read(message.json.compactText)
        #expect(again == message)
    }

    /// The SendMessage body of the spec's section 6.1, whose `ucrHash` is the placeholder `sha256:<hex>`.
    @Test func theSpecsExampleRequestIsReadAndItsPlaceholderHashMismatches() throws {
        let body = """
            {
              "message": {
                "messageId": "0d9c9a1d-7c08-4d2b-9f90-5e4b6b3fd4a1",
                "role": "user",
                "parts": [{"text": "SLIP v3 planner reviewer Request Review auth"}],
                "extensions": ["\(Self.uri)"],
                "metadata": {
                  "\(Self.uri)": {
                    "slipVersion": "v3",
                    "ucrVersion": "1.0.0",
                    "ucrHash": "sha256:<hex>",
                    "encoding": "force-object"
                  }
                }
              },
              "configuration": {
                "acceptedOutputModes": ["text/slip", "text/plain"]
              }
            }
            """
        let message = try SlipA2AMessage.read(body)
        #expect(message.messageId == "0d9c9a1d-7c08-4d2b-9f90-5e4b6b3fd4a1")
        #expect(message.wire.force == .request && message.wire.object == "Review" && message.wire.payload == ["auth"])
        #expect(message.metadata?.ucrVersion == "1.0.0")
        let error = try #require(throws: SlipA2AError.self) { try SlipA2AMessage.read(body, ucr: .v3) }
        #expect(error.code == .ucrHashMismatch)
        #expect(error.field == "message.metadata.\(Self.uri).ucrHash")
    }

    @Test func aSendMessageBodyIsReadThroughItsMessage() throws {
        let body = "{\"message\":\(Self.message()),\"configuration\":{\"acceptedOutputModes\":[\"text/slip\"]}}"
        #expect(try SlipA2AMessage.read(body).wire.object == "Review")
    }

    @Test func aMessageWithAnotherCodebooksHashIsRefusedWithTheField() throws {
        let error = try #require(throws: SlipA2AError.self) {
            try SlipA2AMessage.read(Self.message(hash: SlipA2A.ucrHash(of: .v1)), ucr: .v3)
        }
        #expect(error.code == .ucrHashMismatch)
        #expect(error.field == "metadata.\(Self.uri).ucrHash")
        // Without a codebook to check against, the same message is read.
        #expect(try SlipA2AMessage.read(Self.message(hash: SlipA2A.ucrHash(of: .v1))).wire.src == "planner")
        #expect(try SlipA2AMessage.read(Self.message(hash: SlipA2A.ucrHash(of: .v3)), ucr: .v3).wire.dst == "reviewer")
    }

    @Test(arguments: [
        ("SLIP v3 a b Demand Review", "unknown_force"),
        ("SLIP v3 a b Request Review auth-module", "invalid_payload_token"),
        ("SLIP v3 a b Request Re|view", "invalid_object"),
        ("SLIP v3 a b Request " + String(repeating: "A", count: 31), "invalid_object"),
        ("SLIP v3 a b Request Review " + String(repeating: "A", count: 31), "payload_token_too_long"),
    ])
    func aWireBreakingTheTokenRulesIsRefusedWithTheCoresError(wire: String, code: String) throws {
        let error = try #require(throws: SlipA2AError.self) { try SlipA2AMessage.read(Self.message(wire)) }
        #expect(error.code == .invalidWire)
        #expect(error.field == "parts[0].text")
        #expect(error.wireError?.code.rawValue == code)
    }

    @Test(arguments: ["SLIP v3 a b  Request Review", "SLIP v3 a b\tRequest Review"])
    func aWireSeparatedByOtherThanSingleSpacesIsRefused(wire: String) throws {
        let error = try #require(throws: SlipA2AError.self) { try SlipA2AMessage.read(Self.message(wire)) }
        #expect(error.code == .nonCanonicalWire)
        #expect(error.message.hasSuffix("canonical form: SLIP v3 a b Request Review"))
    }

    @Test func aV1WireIsRefused() throws {
        let error = try #require(throws: SlipA2AError.self) {
            try SlipA2AMessage.read(Self.message("SLIP v1 alice bob RequestReview auth"))
        }
        #expect(error.code == .unsupportedSlipVersion)
    }

    @Test(arguments: [
        ("not json", "not_json", nil),
        ("[1]", "malformed_message", nil),
        ("{\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]}", "malformed_message", "messageId"),
        ("{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[]}", "malformed_message", "parts"),
        ("{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"data\":{}}]}", "no_text_part", "parts[0]"),
        ("{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]}", "not_slip_a2a", "parts[0].text"),
        (
            "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}],"
                + "\"extensions\":[\"\(uri)\"],\"metadata\":{\"\(uri)\":{\"slipVersion\":\"v4\"}}}",
            "unsupported_slip_version", "metadata.\(uri).slipVersion"
        ),
        (
            "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}],"
                + "\"metadata\":{\"\(uri)\":{\"confidence\":\"high\"}}}",
            "malformed_message", "metadata.\(uri).confidence"
        ),
    ])
    func aMalformedMessageIsRefusedNamingTheField(text: String, code: String, field: String?) throws {
        let error = try #require(throws: SlipA2AError.self) { try SlipA2AMessage.read(text) }
        #expect(error.code.rawValue == code)
        #expect(error.field == field)
    }

    @Test func anUndeclaredMessageWhoseTextStartsWithSLIPIsReadWithoutMetadata() throws {
        let message = try SlipA2AMessage.read("{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]}")
        #expect(message.metadata == nil)
        #expect(message.json.compactText == "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]}")
    }

    @Test func theAgentCardEntryNamesTheCodebook() {
        let entry = SlipA2AAgentExtension(ucr: .v3).json
        #expect(entry["uri"]?.stringValue == Self.uri)
        #expect(entry["required"] == .bool(false))
        #expect(entry["params"]?["ucrVersion"]?.stringValue == "3.0.0")
        #expect(entry["params"]?["ucrHash"]?.stringValue == SlipA2A.ucrHash(of: .v3))
        #expect(entry["params"]?["preferredInputMode"]?.stringValue == "text/slip")
    }
}

/// The `Codable` conformances, through Foundation's coders.
@Suite struct SlipA2ACodableTests {
    @Test func aMessageEncodesAndDecodesThroughJSONCoders() throws {
        let wire = try WireParser().parse("SLIP v3 planner reviewer Request Review auth")
        let message = SlipA2AMessage(
            wire: wire, metadata: SlipA2AMetadata(ucr: .v3, confidence: 0.75), messageId: "m1", contextId: "c1",
            otherParts: [.object([("data", .object([("n", .int(1)), ("ok", .bool(true)), ("x", .null)]))])])
        let data = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(SlipA2AMessage.self, from: data) == message)
        let card = try JSONSerialization.jsonObject(with: JSONEncoder().encode(SlipA2AAgentExtension(ucr: .v3))) as? [String: Any]
        #expect(card?["uri"] as? String == SlipA2A.extensionURI)
    }

    @Test func decodingABadMessageFailsWithTheSlipA2AErrorUnderneath() throws {
        let text = "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Demand X\"}]}"
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(SlipA2AMessage.self, from: Data(text.utf8)) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect((context.underlyingError as? SlipA2AError)?.code == .invalidWire)
    }
}
