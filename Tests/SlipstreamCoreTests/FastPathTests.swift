import Testing

@testable import SlipstreamCore

/// The one-pass v3 fast path accepts only what slipcore's exact checks accept, with the same fields.
@Suite struct FastPathTests {
    static let alphabet = Array("abcXYZ019 _.-é\t")

    @Test func fastPathAgreesWithTheExactParser() throws {
        var rng = SplitMix64(seed: 99)
        var fast = 0
        for n in 0..<200_000 {
            var wire: String
            if n % 2 == 0 {
                let force = Force.allCases.randomElement(using: &rng)!
                let tokens = (0..<Int.random(in: 2...26, using: &rng)).map { _ in
                    String((0..<Int.random(in: 1...33, using: &rng)).map { _ in PropertyTests.alnum.randomElement(using: &rng)! })
                }
                wire = (["SLIP", "v3"] + tokens.prefix(2) + [force.rawValue] + tokens.dropFirst(2)).joined(separator: " ")
            } else {
                wire = "SLIP v3 " + String((0..<Int.random(in: 0...60, using: &rng)).map { _ in Self.alphabet.randomElement(using: &rng)! })
            }
            var text = wire
            let agreed = text.withUTF8 { bytes -> Bool in
                let parser = StrictV3Parser(bytes: bytes)
                guard let layout = parser.fastCanonical() else { return true }
                fast += 1
                guard let exact = try? parser.parseExactly() else { return false }
                return exact.layout == layout && exact.canonical == nil
            }
            #expect(agreed, "\(wire.debugDescription)")
        }
        #expect(fast > 10_000)
    }
}
