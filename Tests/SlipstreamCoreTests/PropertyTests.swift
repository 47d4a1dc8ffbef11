import SlipstreamCore
import Testing

/// format∘parse is the identity on valid messages of both versions (seeded random messages).
@Suite struct PropertyTests {
    static let alnum = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let v1Chars = alnum + Array("._-")
    static let quotedChars = alnum + Array(" ,;:!?'()[]{}é😀")

    static func word(_ chars: [Character], _ lengths: ClosedRange<Int>, _ rng: inout SplitMix64) -> String {
        String((0..<Int.random(in: lengths, using: &rng)).map { _ in chars.randomElement(using: &rng)! })
    }

    @Test func v3MessagesSurviveFormatAndParse() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5000 {
            let force = Force.allCases.randomElement(using: &rng)!
            let message = SlipMessage.v3(
                src: Self.word(Self.alnum, 1...20, &rng), dst: Self.word(Self.alnum, 1...20, &rng), force: force,
                object: Self.word(Self.alnum, 1...30, &rng),
                payload: (0..<Int.random(in: 0...19, using: &rng)).map { _ in Self.word(Self.alnum, 1...30, &rng) },
                fallbackRef: force == .fallback ? Self.word(Self.alnum, 1...16, &rng) : nil)
            let parsed = try WireParser().parse(message.wire)
            #expect(parsed == message)
            #expect(parsed.wire == message.wire)
        }
    }

    @Test func v1MessagesSurviveFormatAndParse() throws {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<5000 {
            let payload = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                Bool.random(using: &rng) ? Self.word(Self.v1Chars, 1...40, &rng) : Self.word(Self.quotedChars, 1...60, &rng)
            }
            let message = SlipMessage.v1(
                src: Self.word(Self.v1Chars, 1...30, &rng), dst: Self.word(Self.v1Chars, 1...30, &rng),
                anchor: UCR.v1.anchors.randomElement(using: &rng)!, payload: payload)
            #expect(try WireParser().parse(message.wire) == message)
            #expect(try WireParser(profile: .lenient).parse(message.wire) == message)
        }
    }

    @Test func v3TokensMapBackExactly() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<5000 {
            let token = Self.word(Self.alnum, 1...30, &rng)
            #expect(WireToken.v3Token(fromV1: WireToken.v1Token(fromV3: token)) == token)
        }
    }

    @Test func cutV3TokensAreThePrefixOfTheWholeToken() {
        var rng = SplitMix64(seed: 9)
        let chars = Array("aZ09_-. \t\"\\\u{1}\u{7F}xyzé")
        for _ in 0..<2000 {
            let text = Self.word(chars, 0...24, &rng)
            let limit = Int.random(in: 0...8, using: &rng)
            let whole = WireToken.v3Token(fromV1: text)
            #expect(WireToken.v3Token(fromV1UTF8: text.utf8, maxLength: limit) == whole.map { String($0.prefix(limit)) })
        }
    }
}
