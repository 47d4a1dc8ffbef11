import Foundation
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// slipcore 3.1.1's 47 conformance vectors.
@Suite struct ConformanceTests {
    struct Expected: Decodable, Sendable {
        var src, dst, force, obj: String
        var payload: [String]
        var fallback_ref: String?
    }
    struct ValidVector: Decodable, Sendable {
        var wire: String
        var expected: Expected
    }
    struct InvalidVector: Decodable, Sendable {
        var wire: String
        var error: String
        var reason: String
    }
    struct RoundtripVector: Decodable, Sendable {
        var src, dst, force, obj, wire: String
        var payload: [String]
    }

    static func load<T: Decodable>(_ name: String) -> [T] {
        guard let text = try? String(contentsOf: SharedData.url("data/slipcore-conformance-v3/\(name)"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    static let valid: [ValidVector] = load("valid.jsonl")
    static let invalid: [InvalidVector] = load("invalid.jsonl")
    static let roundtrip: [RoundtripVector] = load("roundtrip.jsonl")

    @Test func allFortySevenVectorsAreThere() {
        #expect(Self.valid.count + Self.invalid.count + Self.roundtrip.count == 47)
    }

    @Test(arguments: valid)
    func parsesValidVector(_ vector: ValidVector) throws {
        let message = try WireParser().parse(vector.wire, version: .v3)
        #expect(message.src == vector.expected.src)
        #expect(message.dst == vector.expected.dst)
        #expect(message.force.rawValue == vector.expected.force)
        #expect(message.object == vector.expected.obj)
        #expect(message.payload == vector.expected.payload)
        #expect(message.fallbackRef == vector.expected.fallback_ref)
    }

    @Test(arguments: invalid)
    func rejectsInvalidVectorWithSlipcoresErrorClass(_ vector: InvalidVector) {
        let kind: WireError.Kind = vector.error == "WireParseError" ? .parse : .validation
        #expect {
            _ = try WireParser().parse(vector.wire, version: .v3)
        } throws: { error in
            (error as? WireError)?.kind == kind
        }
    }

    @Test(arguments: roundtrip)
    func formatsAndReparsesRoundtripVector(_ vector: RoundtripVector) throws {
        let message = SlipMessage.v3(
            src: vector.src, dst: vector.dst, force: try #require(Force(rawValue: vector.force)), object: vector.obj,
            payload: vector.payload)
        #expect(message.wire == vector.wire)
        #expect(try WireParser().parse(message.wire) == message)
    }
}
