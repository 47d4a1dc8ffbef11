import SlipstreamCore
import Testing

/// A million random byte strings and mutated wires through every parser: nothing crashes, every
/// outcome is a message or a typed error, and every lenient success is strict-valid.
@Suite struct FuzzTests {
    static let seeds = [
        "SLIP v1 alice bob RequestReview auth_module", "SLIP v3 planner exec Request Plan timeline",
        #"SLIP v1 a b Fallback "some text here" x"#, "SLIP v3 qa planner Fallback Generic ref7f3a",
        "THOUGHT: x\nQUANTIZE: [ACTION=request | DOMAIN=task] -> RequestTask\nSLIP: SLIP v1 a b RequestTask t",
    ]
    static let alphabet: [UInt8] =
        Array("SLIPv13 abcRequestReviewFallback\"\\:._-\t\n`[]|=->".utf8) + [0, 0x7F, 0xC2, 0xA0, 0xE3, 0x80, 0xF0, 0x9F, 0x98, 0x80, 0xFF]

    @Test func aMillionInputsThroughEveryParser() throws {
        var rng = SplitMix64(seed: 20_261_130)
        let strict = WireParser()
        let lenient = WireParser(profile: .lenient)
        var accepted = 0
        for i in 0..<1_000_000 {
            var bytes: [UInt8]
            if i % 2 == 0 {
                bytes = (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                bytes = Array(Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))].utf8)
                for _ in 0..<(1 + rng.next() % 4) {
                    let position = Int(rng.next() % UInt64(bytes.count + 1))
                    switch rng.next() % 3 {
                    case 0: bytes.insert(Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))], at: position)
                    case 1: if position < bytes.count { bytes.remove(at: position) }
                    default: if position < bytes.count { bytes[position] = Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }
                    }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if (try? strict.parse(text, version: .v3)) != nil { accepted += 1 }
            _ = try? strict.parse(text)
            if let message = try? lenient.parse(text) {
                #expect(throws: Never.self) { try strict.parse(message.wire) }
            }
            if i % 4 == 1, let record = try? TQTRecord.parse(text) {
                #expect(throws: Never.self) { try strict.parse(record.wire) }
            }
        }
        #expect(accepted > 0)
    }
}

extension FuzzTests {
    /// 100,000 random field sets (any bytes, empty fields, wires on both sides of the longest valid one)
    /// through both v3 formatters: nothing crashes, the unchecked wire is the fields joined by spaces, and
    /// what the checked formatter accepts parses back to the same message.
    @Test func aHundredThousandFieldSetsThroughBothFormatters() throws {
        var rng = SplitMix64(seed: 20_261_201)
        func field(_ maxLength: Int) -> String {
            let length = Int(rng.next() % UInt64(maxLength + 1))
            let alnum = rng.next() % 3 != 0
            let bytes = (0..<length).map { _ -> UInt8 in
                alnum ? Array("abcXYZ019".utf8)[Int(rng.next() % 9)] : Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var accepted = 0
        for i in 0..<100_000 {
            let long = i % 4 == 0
            let force = Force.allCases[Int(rng.next() % 12)]
            let src = field(long ? 400 : 22)
            let dst = field(long ? 400 : 22)
            let object = field(long ? 60 : 32)
            let payload = (0..<Int(rng.next() % (long ? 30 : 22))).map { _ in field(long ? 60 : 32) }
            let fallbackRef = rng.next() % 8 == 0 ? field(18) : nil
            let message = SlipMessage.v3(src: src, dst: dst, force: force, object: object, payload: payload, fallbackRef: fallbackRef)
            let fields = ["SLIP", "v3", src, dst, force.rawValue, object] + (fallbackRef.map { [$0] } ?? []) + payload
            #expect(message.wire == fields.joined(separator: " "))
            if let checked = try? SlipMessage.validatedV3(
                src: src, dst: dst, force: force, object: object, payload: payload, fallbackRef: fallbackRef)
            {
                accepted += 1
                #expect(checked == message)
                #expect(try WireParser().parse(checked.wire) == checked)
            }
        }
        #expect(accepted > 100)
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
