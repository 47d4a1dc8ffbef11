/// Character rules for wire tokens, and the normalizations the lenient profile and the translator use.
public enum WireToken {
    /// Whether `byte` is ASCII `[A-Za-z0-9]`.
    @inline(__always)
    static func isAlnum(_ byte: UInt8) -> Bool {
        // A byte is never both a digit and a letter, so `!=` is `||` without a branch to mispredict.
        (byte &- 0x30 < 10) != ((byte | 0x20) &- 0x61 < 26)
    }

    /// Whether `byte` is in the v1 strict token set `[A-Za-z0-9._-]`.
    @inline(__always)
    static func isStrictV1(_ byte: UInt8) -> Bool {
        isAlnum(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }

    /// Whether `text` is a non-empty ASCII alphanumeric token (v3's only token shape).
    public static func isAlphanumeric(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isAlnum)
    }

    /// Whether `text` is a non-empty v1 strict token `[A-Za-z0-9._-]+`.
    public static func isStrict(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isStrictV1)
    }

    /// Whether `text` can be a v1 quoted payload string: no `"`, `\` or control characters.
    public static func isQuotable(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy(isQuotable)
    }

    /// Whether `scalar` may stand in a v1 quoted payload string: not `"`, `\` or a control character.
    static func isQuotable(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\"" && scalar != "\\" && scalar.value >= 0x20 && scalar.value != 0x7F
    }

    /// Splits a free-form word into strict v1 tokens: `:`, `,`, `;`, `=` and `|` separate tokens,
    /// `%` becomes `pct`, any other run of characters outside `[A-Za-z0-9._-]` becomes `_` inside a
    /// token and is dropped at its ends. `"metrics:conversion,avg"` → `["metrics", "conversion", "avg"]`,
    /// `"[high,"` → `["high"]`, `"12%"` → `["12pct"]`.
    public static func normalize(_ word: some StringProtocol) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var pendingJoin = false
        func flush() {
            while let last = current.last, last == 0x5F || last == 0x2E || last == 0x2D, pendingJoin { current.removeLast() }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            pendingJoin = false
        }
        for scalar in word.unicodeScalars {
            let v = scalar.value
            if v < 0x80, isStrictV1(UInt8(v)) {
                if pendingJoin && !current.isEmpty { current.append(0x5F) }
                pendingJoin = false
                current.append(UInt8(v))
            } else if v == 0x25 {  // %
                current.append(contentsOf: Array("pct".utf8))
                pendingJoin = false
            } else if ":,;=|".unicodeScalars.contains(scalar) || v <= 0x20 || scalar.properties.isWhitespace {
                pendingJoin = false
                flush()
            } else {
                pendingJoin = true
            }
        }
        pendingJoin = false
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// A v3 (alphanumeric) form of a v1 token, reversible by ``v1Token(fromV3:)`` for lowercase
    /// snake_case: `auth_module` → `authModule`. Other separators are dropped
    /// (`2.3s` → `23s`); the result is `nil` when nothing alphanumeric is left.
    public static func v3Token(fromV1 token: some StringProtocol) -> String? {
        v3Token(fromV1UTF8: token.utf8)
    }

    /// ``v3Token(fromV1:)`` of a token's UTF-8 bytes, cut to its first `maxLength` bytes (still nil only
    /// when nothing alphanumeric is left), written straight into one string.
    public static func v3Token(fromV1UTF8 token: some Collection<UInt8>, maxLength: Int = .max) -> String? {
        var found = false
        let limit = min(token.count, max(maxLength, 0))
        let v3 = String(unsafeUninitializedCapacity: limit) { out in
            var count = 0
            var upperNext = false
            for byte in token {
                if isAlnum(byte) {
                    if count < limit {
                        out[count] = upperNext && byte &- 0x61 < 26 && found ? byte - 0x20 : byte
                        count += 1
                    }
                    found = true
                    upperNext = false
                } else {
                    upperNext = byte == 0x5F
                }
            }
            return count
        }
        return found ? v3 : nil
    }

    /// The v1 form of a v3 token: in a token that does not start with an uppercase letter, each uppercase
    /// letter becomes `_` + lowercase (`authModule` → `auth_module`, `featureXRelease` →
    /// `feature_x_release`); tokens that start uppercase (`GPUComparison`) are unchanged. For every v3
    /// token `t`, `v3Token(fromV1: v1Token(fromV3: t)) == t`.
    public static func v1Token(fromV3 token: some StringProtocol) -> String {
        guard let first = token.utf8.first, first &- 0x41 >= 26 else { return String(token) }
        var out: [UInt8] = []
        out.reserveCapacity(token.utf8.count + 4)
        for byte in token.utf8 {
            if byte &- 0x41 < 26 {
                out.append(0x5F)
                out.append(byte + 0x20)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
