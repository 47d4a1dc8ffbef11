/// One pass over the bytes of a v3 line after `SLIP v3 `, sixteen at a time, for the parser's fast path.
///
/// It keeps one bit per byte for the spaces, 64 bytes to a block, and checks without a branch per byte
/// or per token that every byte is an ASCII letter, digit or space, that no token is empty (two spaces
/// in a row, or a space at either end) and that no token is longer than 30 bytes (31 non-spaces in a
/// row). What the parser still needs – the number of spaces and the ends of the first five tokens
/// (src, dst, Force, Object, first payload token) – comes from the counts and the first two blocks.
struct CanonicalLineScan {
    /// The high bit of every byte.
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// Two words at a time: SSE2 on x86-64, with room in its registers for the constants.
    private typealias Pair = SIMD2<UInt64>

    /// Bitwise OR of every word: a high bit set is a byte that is not ASCII.
    private var ascii = Pair(repeating: 0)
    /// Per byte lane, the high bit stays set while every byte is an ASCII letter, digit or space.
    private var allowed = Pair(repeating: high)
    /// Spaces counted per byte lane.
    private var spaceCounts = Pair(repeating: 0)
    /// Nonzero once an empty token or a token longer than 30 bytes was seen.
    private var broken: UInt64 = 0
    /// The space bits of the block before (before the first: the space that ends `SLIP v3 `).
    private var previous: UInt64 = ~0
    /// The space bits of the first two blocks; past the end of the line every bit is set.
    private var head: (UInt64, UInt64) = (~0, ~0)
    private var blocks = 0
    /// The line's length in bytes.
    private let lineLength: Int

    /// Scans `line` (`count` bytes, at least 9 of them after `SLIP v3 `); nil when its body breaks one of
    /// the rules above.
    @inline(__always)
    init?(line: UnsafeRawPointer, count n: Int) {
        lineLength = n
        @inline(__always) func load(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: line.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        @inline(__always) func loadPair(_ offset: Int) -> Pair {
            Pair(load(offset), load(offset + 8))
        }
        var offset = 8
        while offset + 64 <= n {
            var bits: UInt64 = 0
            for j in 0..<4 { bits |= spaces(in: loadPair(offset + 16 * j)) &<< UInt64(16 * j) }
            add(block: bits, checking: bits)
            offset += 64
        }
        // The last 0–63 bytes: pairs of words, a word, then the 1–7 bytes of the line's last word not
        // seen yet, shifted down; a word short of a pair, or of eight bytes, is made up with letters.
        let letters = Self.splat(0x61)
        var bits: UInt64 = 0
        var length: UInt64 = 0
        while offset + 16 <= n {
            bits |= spaces(in: loadPair(offset)) &<< length
            length &+= 16
            offset += 16
        }
        if offset + 8 <= n {
            bits |= spaces(in: Pair(load(offset), letters)) &<< length
            length &+= 8
            offset += 8
        }
        if offset < n {
            let rest = UInt64(n - offset)
            let drop = (8 &- rest) &* 8
            bits |= spaces(in: Pair(load(n - 8) &>> drop | letters &<< (64 &- drop), letters)) &<< length
            length &+= rest
        }
        // Past the end every byte counts as a space; the first of them closes the last token.
        let padded = bits | ~0 &<< length
        add(block: padded, checking: padded & ~0 &>> (63 &- length))
        guard (ascii[0] | ascii[1]) & Self.high == 0, allowed[0] & allowed[1] & Self.high == Self.high, broken == 0
        else { return nil }
    }

    /// How many spaces the line has after `SLIP v3 `.
    var spaceCount: Int {
        let counts = spaceCounts[0] &+ spaceCounts[1]
        let pairs = (counts & 0x00FF_00FF_00FF_00FF) &+ (counts &>> 8 & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }

    /// Where the first five tokens end (the offsets of the spaces after them), the line's length for the
    /// ones it does not have. Exact when the first five tokens lie within 128 bytes after `SLIP v3 `, as
    /// they do in a valid line.
    var firstEnds: (src: Int, dst: Int, force: Int, object: Int, firstPayload: Int) {
        var (a, b) = head
        @inline(__always) func next() -> Int {
            let end = a != 0 ? 8 &+ a.trailingZeroBitCount : 72 &+ b.trailingZeroBitCount
            if a != 0 { a &= a &- 1 } else { b &= b &- 1 }
            return min(end, lineLength)
        }
        return (next(), next(), next(), next(), next())
    }

    @inline(__always)
    private static func splat(_ byte: UInt64) -> UInt64 { byte &* 0x0101_0101_0101_0101 }

    /// Classifies the sixteen bytes of `words` and returns one bit per byte for their spaces, in byte order.
    @inline(__always)
    private mutating func spaces(in words: Pair) -> UInt64 {
        @inline(__always) func splat(_ byte: UInt64) -> Pair { Pair(repeating: Self.splat(byte)) }
        // Per byte below 0x80 (`ascii` rules out the others): the high bit of x + 0x80 - lo is x >= lo,
        // of 0x80 + hi - x is x <= hi, and of ~(x + 0x7F) is x == 0.
        let spaces = ~((words ^ splat(0x20)) &+ splat(0x7F)) & splat(0x80)
        let digits = (words &+ splat(0x80 - 0x30)) & (splat(0x80 + 0x39) &- words)
        let lower = words | splat(0x20)
        let letters = (lower &+ splat(0x80 - 0x61)) & (splat(0x80 + 0x7A) &- lower)
        allowed &= digits | letters | spaces
        ascii |= words
        let ones = spaces &>> 7
        spaceCounts &+= ones
        // Gathers each word's eight bits into its top byte, then down.
        @inline(__always) func gather(_ word: UInt64) -> UInt64 { (word &* 0x0102_0408_1020_4080) &>> 56 }
        return gather(ones[0]) | gather(ones[1]) &<< 8
    }

    /// Takes the next block's space bits; `adjacent` is those whose neighbours are checked for empty tokens.
    @inline(__always)
    private mutating func add(block bits: UInt64, checking adjacent: UInt64) {
        // A space right after a space (or after the block before's last byte, if a space) ends an empty token.
        broken |= adjacent & (adjacent &<< 1 | previous &>> 63)
        // 31 non-spaces in a row, within this block or across its start.
        broken |= Self.runsOf31(~bits) | Self.runsOf31(~(previous &>> 32 | bits &<< 32))
        head = blocks == 0 ? (bits, ~0) : blocks == 1 ? (head.0, bits) : head
        blocks &+= 1
        previous = bits
    }

    /// Bits i of `bits` for which bits i through i + 30 are all set.
    @inline(__always)
    private static func runsOf31(_ bits: UInt64) -> UInt64 {
        var runs = bits & bits &>> 1  // 2 in a row
        runs &= runs &>> 2  // 4
        runs &= runs &>> 4  // 8
        runs &= runs &>> 8  // 16
        return runs & runs &>> 15  // 31
    }
}
