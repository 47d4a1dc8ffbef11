import Testing

@testable import SlipstreamCore

/// The one-pass v3 fast path accepts only what slipcore's exact checks accept, with the same fields.
@Suite struct FastPathTests {
    static let alphabet = Array("abcXYZ019 _.-é\t")

    @Test func fastPathAgreesWithTheExactParser() throws {
        var rng = SplitMix64(seed: 99)
        var fast = 0
        for n in 0..<300_000 {
            var wire: String
            if n % 3 != 1 {
                let force = Force.allCases.randomElement(using: &rng)!
                let tokens = (0..<Int.random(in: 2...26, using: &rng)).map { _ in
                    String((0..<Int.random(in: 1...33, using: &rng)).map { _ in PropertyTests.alnum.randomElement(using: &rng)! })
                }
                wire = (["SLIP", "v3"] + tokens.prefix(2) + [force.rawValue] + tokens.dropFirst(2)).joined(separator: " ")
                if n % 3 == 2 {
                    // One to three bytes changed (non-ASCII, control, punctuation, an extra space), or the line cut.
                    var bytes = Array(wire.utf8)
                    for _ in 0..<Int.random(in: 1...3, using: &rng) {
                        let i = Int.random(in: 8..<bytes.count, using: &rng)
                        switch Int.random(in: 0..<4, using: &rng) {
                        case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                        case 1: bytes.insert(0x20, at: i)
                        case 2: bytes[i] = Array(" \t_.-@[`{/:\0".utf8).randomElement(using: &rng)!
                        default: bytes.removeSubrange(i...)
                        }
                        if bytes.count <= 8 { break }
                    }
                    wire = String(decoding: bytes, as: UTF8.self)
                }
            } else {
                wire = "SLIP v3 " + String((0..<Int.random(in: 0...60, using: &rng)).map { _ in Self.alphabet.randomElement(using: &rng)! })
            }
            var text = wire
            let agreed = text.withUTF8 { bytes -> Bool in
                let parser = StrictV3Parser(bytes: bytes)
                let exact = try? parser.parseExactly()
                guard let layout = parser.fastCanonical()?.layout else {
                    // Every valid canonical line takes the fast path.
                    return exact == nil || exact?.canonical != nil
                }
                fast += 1
                return exact?.layout == layout && exact?.canonical == nil
            }
            #expect(agreed, "\(wire.debugDescription)")
        }
        #expect(fast > 10_000)
    }

    @Test func forceWordsSpellTheForces() {
        for force in Force.allCases {
            let bytes = withUnsafeBytes(of: force.utf8Word.littleEndian) { Array($0.prefix(force.rawValue.utf8.count)) }
            #expect(String(decoding: bytes, as: UTF8.self) == force.rawValue)
            #expect(StrictV3Parser.force(word: force.utf8Word) == force)
            #expect(force.utf8Word >> (8 * UInt64(force.rawValue.utf8.count)) == 0)
        }
        #expect(StrictV3Parser.forceSlots.filter { $0.force != nil }.count == Force.allCases.count)
    }
}
