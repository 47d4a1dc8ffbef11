/// The mergeable ranks of a byte-level BPE vocabulary, laid out for fast lookup by byte slice.
///
/// Token bytes live in one contiguous buffer indexed by rank; an open-addressing hash table maps
/// byte slices to ranks; one- and two-byte tokens have direct tables. Immutable after `init`.
final class RankTable: @unchecked Sendable {  // Immutable after init; the buffers are never written again.
    /// The rank returned for byte sequences that are not tokens.
    static let missing = UInt32.max

    /// One past the largest rank.
    let rankLimit: Int
    /// The number of tokens.
    let tokenCount: Int

    private let blob: UnsafeMutablePointer<UInt8>
    /// `starts[r]..<starts[r + 1]` are the bytes of rank `r` (an empty range for an unused rank).
    private let starts: UnsafeMutablePointer<UInt32>
    private let slots: UnsafeMutablePointer<UInt32>
    private let slotMask: Int
    private let pairRanks: UnsafeMutablePointer<UInt32>
    private let byteRanks: UnsafeMutablePointer<UInt32>

    /// Builds the table from parsed entries.
    ///
    /// - Parameters:
    ///   - entries: `(rank, offset, length, line)`: the token's bytes in `bytes` and its rank-file line.
    ///   - bytes: the concatenated token bytes in file order.
    ///   - path: the source file, for error messages.
    init(entries: [(rank: UInt32, offset: Int, length: Int, line: Int)], bytes: [UInt8], path: String?) throws(TokenizerError) {
        var limit = 0
        for entry in entries { limit = max(limit, Int(entry.rank) + 1) }
        rankLimit = limit
        tokenCount = entries.count

        // Lay the token bytes out in rank order.
        var lengthByRank = [Int](repeating: -1, count: limit)
        var offsetByRank = [Int](repeating: 0, count: limit)
        var lineByRank = [Int](repeating: 0, count: limit)
        for entry in entries {
            let r = Int(entry.rank)
            if lengthByRank[r] >= 0 {
                throw TokenizerError(
                    .malformedRankFile,
                    "rank \(r) appears twice (first on line \(lineByRank[r]))",
                    path: path, location: entry.line)
            }
            lengthByRank[r] = entry.length
            offsetByRank[r] = entry.offset
            lineByRank[r] = entry.line
        }
        let blob = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        let starts = UnsafeMutablePointer<UInt32>.allocate(capacity: limit + 1)
        var cursor = 0
        bytes.withUnsafeBufferPointer { source in
            for r in 0..<limit {
                starts[r] = UInt32(cursor)
                let length = lengthByRank[r]
                guard length > 0 else { continue }
                (blob + cursor).update(from: source.baseAddress! + offsetByRank[r], count: length)
                cursor += length
            }
        }
        starts[limit] = UInt32(cursor)

        var capacity = 1024
        while capacity < entries.count * 2 { capacity <<= 1 }
        let slotMask = capacity - 1
        let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        let pairRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: 65_536)
        pairRanks.initialize(repeating: Self.missing, count: 65_536)
        let byteRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        byteRanks.initialize(repeating: Self.missing, count: 256)
        self.blob = blob
        self.starts = starts
        self.slots = slots
        self.slotMask = slotMask
        self.pairRanks = pairRanks
        self.byteRanks = byteRanks

        for r in 0..<limit where lengthByRank[r] > 0 {
            let start = blob + Int(starts[r])
            let length = lengthByRank[r]
            if let existing = lookupHashed(start, length) {
                throw TokenizerError(
                    .malformedRankFile,
                    "token of rank \(r) repeats the bytes of rank \(existing) (line \(lineByRank[Int(existing)]))",
                    path: path, location: lineByRank[r])
            }
            var slot = Int(truncatingIfNeeded: Self.hash(start, length)) & slotMask
            while slots[slot] != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = UInt32(r) + 1
            if length == 1 { byteRanks[Int(start[0])] = UInt32(r) }
            if length == 2 { pairRanks[Int(start[0]) << 8 | Int(start[1])] = UInt32(r) }
        }
        for byte in 0..<256 where byteRanks[byte] == Self.missing {
            throw TokenizerError(
                .malformedRankFile,
                "the rank file has no token for the single byte 0x\(String(byte, radix: 16)); every byte needs one",
                path: path)
        }
    }

    deinit {
        blob.deallocate()
        starts.deallocate()
        slots.deallocate()
        pairRanks.deallocate()
        byteRanks.deallocate()
    }

    /// The rank of the single byte `byte`.
    @inline(__always)
    func rank(ofByte byte: UInt8) -> UInt32 { byteRanks[Int(byte)] }

    /// The rank of the two bytes `first`, `second`, or `missing`.
    @inline(__always)
    func rank(ofPair first: UInt8, _ second: UInt8) -> UInt32 { pairRanks[Int(first) << 8 | Int(second)] }

    /// The rank of `length` bytes at `start`, or `missing`.
    @inline(__always)
    func rank(of start: UnsafePointer<UInt8>, length: Int) -> UInt32 {
        switch length {
        case 1: return byteRanks[Int(start[0])]
        case 2: return pairRanks[Int(start[0]) << 8 | Int(start[1])]
        default: return lookupHashed(start, length) ?? Self.missing
        }
    }

    /// The bytes of rank `rank`, or `nil` if the rank is unused.
    func bytes(ofRank rank: Int) -> UnsafeBufferPointer<UInt8>? {
        guard rank >= 0, rank < rankLimit else { return nil }
        let start = Int(starts[rank])
        let end = Int(starts[rank + 1])
        return end > start ? UnsafeBufferPointer(start: blob + start, count: end - start) : nil
    }

    @inline(__always)
    private func lookupHashed(_ start: UnsafePointer<UInt8>, _ length: Int) -> UInt32? {
        var slot = Int(truncatingIfNeeded: Self.hash(start, length)) & slotMask
        while true {
            let value = slots[slot]
            if value == 0 { return nil }
            let r = Int(value - 1)
            let tokenStart = Int(starts[r])
            if Int(starts[r + 1]) - tokenStart == length, Self.equal(blob + tokenStart, start, length) {
                return UInt32(r)
            }
            slot = (slot + 1) & slotMask
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var i = 0
        while i + 8 <= length {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
            if x != y { return false }
            i += 8
        }
        while i < length {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A fast 64-bit hash of a short byte slice (word-at-a-time multiply-xorshift).
    @inline(__always)
    static func hash(_ start: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h = 0x9E37_79B9_7F4A_7C15 &* UInt64(length &+ 1)
        var i = 0
        while i + 8 <= length {
            let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < length {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < length {
                word |= UInt64(start[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
