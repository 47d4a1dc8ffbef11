/// A fixed set of words looked up by their UTF-8 bytes, without making a `String`: the extractors' stopword
/// and verb lists, probed once per word of every message.
///
/// Words of up to 16 bytes live in an open-addressing table keyed by their bytes packed into two
/// `UInt64`s and their length; longer members (none of the shipped lists has one) go to a plain `Set`.
///
/// ```swift
/// let verbs = ByteWordSet(["tell", "ask"])
/// "ask".utf8.withContiguousStorageIfAvailable { verbs.contains($0) }   // true
/// ```
struct ByteWordSet: Sendable {
    private struct Slot: Sendable {
        var low: UInt64
        var high: UInt64
        /// The word's length in bytes; -1 marks an empty slot.
        var length: Int
    }

    private var slots: [Slot]
    private var mask: Int
    private var long: Set<String>
    /// The members, as given (for tests and debugging).
    let members: Set<String>

    init(_ words: some Sequence<String>) {
        members = Set(words)
        var size = 8
        while size < members.count * 4 { size <<= 1 }
        slots = Array(repeating: Slot(low: 0, high: 0, length: -1), count: size)
        mask = size - 1
        long = []
        for word in members {
            guard word.utf8.count <= 16 else {
                long.insert(word)
                continue
            }
            let bytes = Array(word.utf8)
            let (low, high) = bytes.withUnsafeBufferPointer { Self.pack($0) }
            var index = Self.hash(low, high, bytes.count) & mask
            while slots[index].length >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(low: low, high: high, length: bytes.count)
        }
    }

    /// Whether the word spelled by `bytes` is a member.
    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 16 else {
            return !long.isEmpty && long.contains(String(decoding: bytes, as: UTF8.self))
        }
        let (low, high) = Self.pack(bytes)
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.hash(low, high, bytes.count) & mask
            while true {
                let slot = slots[index]
                if slot.length < 0 { return false }
                if slot.low == low && slot.high == high && slot.length == bytes.count { return true }
                index = (index + 1) & mask
            }
        }
    }

    /// Whether `text` is a member (the `String` form of ``contains(_:)-(UnsafeBufferPointer<UInt8>)``).
    func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains($0) }
    }

    /// Up to 16 bytes as two little-endian words, zero-padded.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for i in 0..<min(bytes.count, 8) { low |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        if bytes.count > 8 {
            for i in 8..<bytes.count { high |= UInt64(bytes[i]) << (8 * UInt64(i - 8)) }
        }
        return (low, high)
    }

    @inline(__always)
    private static func hash(_ low: UInt64, _ high: UInt64, _ length: Int) -> Int {
        var h = (low &* 0x9e37_79b9_7f4a_7c15) ^ (high &* 0xc2b2_ae3d_27d4_eb4f) ^ UInt64(truncatingIfNeeded: length)
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return Int(truncatingIfNeeded: h >> 32)
    }
}
