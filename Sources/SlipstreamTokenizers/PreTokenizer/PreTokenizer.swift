/// Splits text into the pieces that tiktoken's split regex would produce, without a regex engine.
///
/// The two patterns are implemented by hand as small scanners over UTF-8
/// (`PreTokenizer+CL100k.swift`, `PreTokenizer+O200k.swift`); each alternative of the original
/// pattern is tried in order with the same greedy, possessive and backtracking semantics.
struct PreTokenizer: Sendable {
    /// The split pattern to reproduce.
    enum Pattern: Sendable {
        /// `'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`
        case cl100k
        /// The seven-alternative o200k pattern with upper/lower letter groups and contractions.
        case o200k
    }

    let pattern: Pattern

    /// Calls `body(start, end)` with the byte range of each piece of `buffer`, in order.
    ///
    /// - Precondition: `buffer` holds valid UTF-8 (it comes from a `String`).
    @inline(__always)
    func split(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let scanner = Scanner(bytes: base, count: buffer.count, table: .shared)
        var start = 0
        switch pattern {
        case .cl100k:
            while start < buffer.count {
                let end = scanner.matchCL100k(at: start)
                body(start, end)
                start = end
            }
        case .o200k:
            while start < buffer.count {
                let end = scanner.matchO200k(at: start)
                body(start, end)
                start = end
            }
        }
    }

    /// The pieces of `text` as strings (for tests and the `--pieces` CLI view).
    func pieces(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            var result: [String] = []
            split(buffer) { start, end in
                result.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
            }
            return result
        }
    }
}

/// A cursor-free view of valid UTF-8 with the primitives the pattern scanners share.
struct Scanner {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let table: ScalarClassTable

    /// Decodes the scalar at byte offset `index`; returns its value and UTF-8 length.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (
                ((b0 & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                    | (UInt32(bytes[index + 2]) & 0x3F), 3
            )
        }
        return (
            ((b0 & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4
        )
    }

    /// The class of the scalar with value `value`.
    @inline(__always)
    func classOf(_ value: UInt32) -> ScalarClass { table.classOf(value) }

    /// The end of the longest run, from `index`, of scalars whose class intersects `members`.
    @inline(__always)
    func run(from index: Int, of members: ScalarClass) -> Int {
        var end = index
        while end < count {
            let (value, length) = scalar(at: end)
            guard !classOf(value).isDisjoint(with: members) else { break }
            end += length
        }
        return end
    }

    /// The end of the longest run, from `index`, of scalars outside `\s`, `\p{L}` and `\p{N}`.
    @inline(__always)
    func punctuationRun(from index: Int) -> Int {
        var end = index
        while end < count {
            let (value, length) = scalar(at: end)
            guard Self.isPunctuation(classOf(value)) else { break }
            end += length
        }
        return end
    }

    /// Whether a class is `[^\s\p{L}\p{N}]`.
    @inline(__always)
    static func isPunctuation(_ kind: ScalarClass) -> Bool {
        kind.isDisjoint(with: [.whitespace, .letter, .number])
    }

    /// Up to three `\p{N}` scalars from `index` (the first is known to be a number).
    @inline(__always)
    func numberRun(from index: Int, firstLength: Int) -> Int {
        var end = index + firstLength
        for _ in 0..<2 {
            guard end < count else { break }
            let (value, length) = scalar(at: end)
            guard classOf(value).contains(.number) else { break }
            end += length
        }
        return end
    }

    /// The end of `(?i:s|d|m|t|ll|ve|re)` at `index` (just after an apostrophe), or `nil`.
    ///
    /// Case-insensitive matching uses Unicode simple case folding, so U+017F (ſ) matches `s`.
    @inline(__always)
    func contractionTail(at index: Int) -> Int? {
        guard index < count else { return nil }
        let byte = bytes[index]
        switch byte | 0x20 {
        case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "t"):
            return index + 1
        case UInt8(ascii: "l"):
            return index + 1 < count && bytes[index + 1] | 0x20 == UInt8(ascii: "l") ? index + 2 : nil
        case UInt8(ascii: "v"), UInt8(ascii: "r"):
            return index + 1 < count && bytes[index + 1] | 0x20 == UInt8(ascii: "e") ? index + 2 : nil
        default:
            // U+017F LATIN SMALL LETTER LONG S folds to "s".
            if byte == 0xC5, index + 1 < count, bytes[index + 1] == 0xBF { return index + 2 }
            return nil
        }
    }

    /// Facts about the whitespace run starting at `index`.
    struct WhitespaceRun {
        /// The end of the maximal `\s+` run.
        var end: Int
        /// The start of the run's last scalar.
        var lastStart: Int
        /// One past the run's last `\r` or `\n`, or -1.
        var lastNewlineEnd: Int
        /// The number of scalars in the run.
        var scalars: Int
    }

    /// Scans the maximal `\s` run from `index`.
    @inline(__always)
    func whitespaceRun(from index: Int) -> WhitespaceRun {
        var run = WhitespaceRun(end: index, lastStart: index, lastNewlineEnd: -1, scalars: 0)
        while run.end < count {
            let (value, length) = scalar(at: run.end)
            guard classOf(value).contains(.whitespace) else { break }
            if value == 0x0A || value == 0x0D { run.lastNewlineEnd = run.end + 1 }
            run.lastStart = run.end
            run.end += length
            run.scalars += 1
        }
        return run
    }
}
