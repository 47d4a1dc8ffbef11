import Foundation
import SlipstreamCore
import Testing

@Suite struct SlipMessageCodableTests {
    struct Envelope: Codable, Equatable {
        var id: Int
        var message: SlipMessage
    }

    @Test func aMessageIsItsWireInJSON() throws {
        let envelope = Envelope(id: 7, message: try WireParser().parse("SLIP v1 alice bob RequestReview auth_module"))
        let json = try JSONEncoder().encode(envelope)
        #expect(String(decoding: json, as: UTF8.self).contains(#""message":"SLIP v1 alice bob RequestReview auth_module""#))
        #expect(try JSONDecoder().decode(Envelope.self, from: json) == envelope)
        let v3 = try SlipMessage.validatedV3(src: "qa", dst: "planner", force: .fallback, object: "Generic", payload: ["ref7f3a"])
        #expect(try JSONDecoder().decode(SlipMessage.self, from: JSONEncoder().encode(v3)) == v3)
    }

    @Test func anInvalidWireIsCorruptDataNamingTheWireError() throws {
        let json = Data(#"{"id": 1, "message": "SLIP v1 alice bob Yell"}"#.utf8)
        #expect {
            try JSONDecoder().decode(Envelope.self, from: json)
        } throws: { error in
            guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
            return (context.underlyingError as? WireError)?.code == .unknownAnchor && context.codingPath.last?.stringValue == "message"
        }
    }

    @Test func theDecoderCanBeGivenAParser() throws {
        let decoder = JSONDecoder()
        decoder.userInfo[.slipWireParser] = WireParser(profile: .lenient)
        let message = try decoder.decode(SlipMessage.self, from: Data(#""SLIP v1 alice bob RequestReview issue:query_performance""#.utf8))
        #expect(message.wire == "SLIP v1 alice bob RequestReview issue query_performance")
    }
}
