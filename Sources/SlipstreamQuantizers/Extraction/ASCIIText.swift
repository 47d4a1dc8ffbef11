/// Byte-level helpers for the extractors' ASCII fast path: on an all-ASCII text every `Character` is one
/// byte (or `\r\n`, which every rule here treats like its two bytes), so the `Character` rules of the
/// extractors become byte tests. Texts with any non-ASCII byte take the extractors' `String` path.
enum ASCIIText {
    /// Calls `body` with the lowercased UTF-8 bytes of `text`, or returns nil when `text` is not all ASCII.
    @inline(__always)
    static func withLowercased<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        var text = text
        return try text.withUTF8 { bytes -> R? in
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lower -> R? in
                var high: UInt8 = 0
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    high |= byte
                    lower[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                guard high < 0x80 else { return nil }
                return try body(UnsafeBufferPointer(rebasing: lower[0..<bytes.count]))
            }
        }
    }

    /// `[A-Za-z0-9]` (ASCII `Character.isLetter || Character.isNumber`).
    @inline(__always)
    static func isAlnum(_ byte: UInt8) -> Bool {
        (byte &- 0x30 < 10) || ((byte | 0x20) &- 0x61 < 26)
    }

    /// `[a-zA-Z]` (ASCII `Character.isLetter`).
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// ASCII `Character.isWhitespace`: tab, line feed, vertical tab, form feed, carriage return, space.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }

    /// The v1 strict token set `[A-Za-z0-9._-]`.
    @inline(__always)
    static func isStrict(_ byte: UInt8) -> Bool {
        isAlnum(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }

    /// Whether `text`'s UTF-8 bytes are `bytes`.
    @inline(__always)
    static func equals(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        var text = text
        return text.withUTF8 { text in
            for i in 0..<text.count where text[i] != bytes[i] { return false }
            return true
        }
    }

    /// Whether every byte of `text` is in `[A-Za-z0-9._-]` (and there is one).
    @inline(__always)
    static func isStrict(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for byte in bytes where !isStrict(byte) { return false }
            return true
        }
    }

    /// Whether every byte of `text` is ASCII.
    @inline(__always)
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            return high < 0x80
        }
    }

    /// ``QuantizationAssembler/fallbackText(_:)`` of an ASCII text (empty when nothing is left), or nil
    /// when `text` has a non-ASCII byte: `"` becomes `'`, `\\` `/`, control characters and whitespace one
    /// space (none at the ends), cut to `maxBytes`.
    static func fallbackText(_ text: UnsafeBufferPointer<UInt8>, maxBytes: Int) -> String? {
        var high: UInt8 = 0
        for byte in text { high |= byte }
        guard high < 0x80 else { return nil }
        return String(unsafeUninitializedCapacity: min(text.count, max(maxBytes, 0))) { out in
            var count = 0
            var lastWasSpace = true
            for byte in text {
                var mapped = byte
                if byte == 0x22 {
                    mapped = 0x27
                } else if byte == 0x5C {
                    mapped = 0x2F
                } else if byte < 0x20 || byte == 0x7F {
                    mapped = 0x20
                }
                if mapped == 0x20 {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                if count + 1 > maxBytes { break }
                out[count] = mapped
                count += 1
            }
            while count > 0, out[count - 1] == 0x20 { count -= 1 }
            return count
        }
    }

    /// ``WireToken/normalize(_:)`` of an ASCII word, without allocating: calls `body` with each token's
    /// bytes in turn. `scratch` must hold `3 × word.count` bytes (`%` becomes `pct`).
    ///
    /// `:`, `,`, `;`, `=`, `|` and whitespace end a token; `%` becomes `pct`; any other byte outside
    /// `[A-Za-z0-9._-]` becomes `_` when a strict byte follows it inside a token, and is dropped otherwise.
    @inline(__always)
    static func forEachNormalizedToken(
        of word: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var count = 0
        var pendingJoin = false
        for byte in word {
            if isStrict(byte) {
                if pendingJoin && count > 0 {
                    scratch[count] = 0x5F
                    count += 1
                }
                pendingJoin = false
                scratch[count] = byte
                count += 1
            } else if byte == 0x25 {  // %
                scratch[count] = 0x70
                scratch[count + 1] = 0x63
                scratch[count + 2] = 0x74
                count += 3
                pendingJoin = false
            } else if byte <= 0x20 || byte == 0x3A || byte == 0x2C || byte == 0x3B || byte == 0x3D || byte == 0x7C {
                pendingJoin = false
                if count > 0 { body(UnsafeBufferPointer(start: scratch, count: count)) }
                count = 0
            } else {
                pendingJoin = true
            }
        }
        if count > 0 { body(UnsafeBufferPointer(start: scratch, count: count)) }
    }
}
