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
    private struct Slot: Sendable {
        var low: UInt64
        var high: UInt64
        /// The word's length in bytes; -1 marks an empty slot.
        var length: Int
        var value: UInt16
    }

    private var slots: [Slot]
    private var mask: Int
    private var long: [String: UInt16]

    /// A table of `values`' words; a word's value is its bits (0 is the same as absent).
    init(_ values: [String: UInt16]) {
        var size = 8
        while size < values.count * 4 { size <<= 1 }
        slots = Array(repeating: Slot(low: 0, high: 0, length: -1, value: 0), count: size)
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
            while slots[index].length >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(low: low, high: high, length: bytes.count, value: value)
        }
    }

    /// The value of the word spelled by `bytes` (0 when it is not in the table).
    @inline(__always)
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
        guard bytes.count <= 16 else {
            return long.isEmpty ? 0 : long[String(decoding: bytes, as: UTF8.self)] ?? 0
        }
        let (low, high) = Self.pack(bytes)
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.hash(low, high, bytes.count) & mask
            while true {
                let slot = slots[index]
                if slot.length < 0 { return 0 }
                if slot.low == low && slot.high == high && slot.length == bytes.count { return slot.value }
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
