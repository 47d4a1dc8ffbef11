/// Splits UTF-8 bytes the way Python's `str.split()` does: on runs of any character for which
/// `str.isspace()` is true (ASCII whitespace, U+001C–U+001F, U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000). slipcore splits wires this way, so v3 parsing must too.
struct PythonWhitespaceTokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The byte range of the next word, or nil at the end.
    @inline(__always)
    mutating func next() -> Range<Int>? {
        let count = bytes.count
        var i = position
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                guard Self.isASCIISpace(b) else { break }
                i += 1
            } else {
                let width = Self.whitespaceWidth(bytes, at: i)
                guard width > 0 else { break }
                i += width
            }
        }
        guard i < count else {
            position = i
            return nil
        }
        let start = i
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                if Self.isASCIISpace(b) { break }
            } else if Self.whitespaceWidth(bytes, at: i) > 0 {
                break
            }
            i += 1
        }
        position = i
        return start..<i
    }

    /// ASCII characters Python's `str.isspace()` accepts: `\t\n\v\f\r`, U+001C–U+001F and space.
    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b &- 0x09) < 5 || (b &- 0x1C) < 4
    }

    /// The byte width of the whitespace character at `i`, or 0 when it is not whitespace.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 {
            return (b == 0x20 || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F)) ? 1 : 0
        }
        if b == 0xC2, i + 1 < bytes.count {
            return (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0) ? 2 : 0
        }
        if b == 0xE1, i + 2 < bytes.count {
            return (bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80) ? 3 : 0  // U+1680
        }
        if b == 0xE2, i + 2 < bytes.count {
            let b1 = bytes[i + 1]
            let b2 = bytes[i + 2]
            if b1 == 0x80 {
                // U+2000–U+200A, U+2028, U+2029, U+202F
                return ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) ? 3 : 0
            }
            return (b1 == 0x81 && b2 == 0x9F) ? 3 : 0  // U+205F
        }
        if b == 0xE3, i + 2 < bytes.count {
            return (bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80) ? 3 : 0  // U+3000
        }
        return 0
    }
}
