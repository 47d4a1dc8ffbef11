/// A fixed table of words looked up by their UTF-8 bytes, without making a `String`: each word maps to a
/// small bit set (the lists it is on), so one probe answers every list question about a word.
///
/// Words of up to 16 bytes live in an open-addressing table keyed by their bytes packed into two
/// `UInt64`s and their length; longer members (none of the shipped lists has one) go to a dictionary.
///
/// ```swift
/// let table = ByteWordTable(["tell": 1, "ask": 1, "team": 2])
/// "ask".utf8.withContiguousStorageIfAvailable { table.value(of: $0) }   // 1
/// ```
struct ByteWordTable: Sendable {
    /// Marks an empty slot in ``lows`` (no UTF-8 text starts with eight 0xFF bytes).
    private static let empty = UInt64.max

    /// The first 8 bytes of each slot's word (the only array a miss reads: 8 KB for the shipped lists).
    private var lows: [UInt64]
    /// Bytes 8–15 of each slot's word.
    private var highs: [UInt64]
    /// Each slot's word length << 16 | value.
    private var metas: [UInt32]
    private var mask: Int
    private var long: [String: UInt16]

    /// A table of `values`' words; a word's value is its bits (0 is the same as absent).
    init(_ values: [String: UInt16]) {
        var size = 8
        while size < values.count * 2 { size <<= 1 }
        lows = Array(repeating: Self.empty, count: size)
        highs = Array(repeating: 0, count: size)
        metas = Array(repeating: 0, count: size)
        mask = size - 1
        long = [:]
        for (word, value) in values {
            guard word.utf8.count <= 16 else {
                long[word] = value
                continue
            }
            let bytes = Array(word.utf8)
            let (low, high) = bytes.withUnsafeBufferPointer { Self.pack($0) }
            var index = Self.hash(low, high, bytes.count) & mask
            while lows[index] != Self.empty { index = (index + 1) & mask }
            lows[index] = low
            highs[index] = high
            metas[index] = UInt32(bytes.count) << 16 | UInt32(value)
        }
    }

    /// The value of the word spelled by `bytes` (0 when it is not in the table).
    @inline(__always)
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
        guard bytes.count <= 16 else {
            return long.isEmpty ? 0 : long[String(decoding: bytes, as: UTF8.self)] ?? 0
        }
        let (low, high) = Self.pack(bytes)
        return lows.withUnsafeBufferPointer { lows in
            var index = Self.hash(low, high, bytes.count) & mask
            while true {
                let key = lows[index]
                if key == Self.empty { return 0 }
                if key == low {
                    let meta = metas[index]
                    if Int(meta >> 16) == bytes.count && highs[index] == high { return UInt16(truncatingIfNeeded: meta) }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// The value of `text` (the `String` form of ``value(of:)-(UnsafeBufferPointer<UInt8>)``).
    func value(of text: String) -> UInt16 {
        var text = text
        return text.withUTF8 { value(of: $0) }
    }

    /// Up to 16 bytes as two little-endian words, zero-padded.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        let head = min(bytes.count, 8)
        for i in 0..<head { low |= UInt64(bytes[i]) &<< (8 &* UInt64(i)) }
        if bytes.count > 8 {
            for i in 8..<bytes.count { high |= UInt64(bytes[i]) &<< (8 &* UInt64(i &- 8)) }
        }
        return (low, high)
    }

    @inline(__always)
    private static func hash(_ low: UInt64, _ high: UInt64, _ length: Int) -> Int {
        var h = (low &* 0x9e37_79b9_7f4a_7c15) ^ (high &* 0xc2b2_ae3d_27d4_eb4f) ^ UInt64(truncatingIfNeeded: length)
        h ^= h &>> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return Int(truncatingIfNeeded: h &>> 32)
    }
}
