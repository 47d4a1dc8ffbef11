import SlipstreamCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns text into a hashed, TF-IDF-weighted, L2-normalized sparse feature vector, without allocating.
///
/// Features (all hashed into `buckets` slots, FNV-1a 64 + a SplitMix64 finalizer):
/// - **word group**: lowercased word unigrams (`[a-z0-9]` and non-ASCII bytes; `?` and `!` are words of
///   their own) and word bigrams over `<s> words </s>`;
/// - **char group**: character 2–5-grams of each word padded with one space on each side
///   (scikit-learn's `char_wb`).
///
/// Each group's counts become `(1 + ln tf) · idf`, the group is L2-normalized and scaled by 1/√2, so the
/// whole vector has unit length. Training and inference run this same code.
public struct FeatureHasher: Sendable, Hashable {
    /// The number of hash slots (a power of two).
    public var buckets: Int
    /// Texts longer than this many UTF-8 bytes are cut (keeps the work per message bounded).
    public static let maxBytes = 4096

    public init(buckets: Int) {
        precondition(buckets > 0 && buckets & (buckets - 1) == 0, "buckets must be a power of two")
        self.buckets = buckets
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
    private static let wordSeed: UInt64 = fnvStep(fnvOffset, 0x77)  // "w"
    private static let charSeed: UInt64 = fnvStep(fnvOffset, 0x63)  // "c"
    private static let bigramSeed: UInt64 = 0x9e37_79b9_7f4a_7c15
    private static let startHash: UInt64 = fnvStep(fnvStep(wordSeed, 0x02), 0x02)
    private static let endHash: UInt64 = fnvStep(fnvStep(wordSeed, 0x03), 0x03)
    /// `1 + ln(tf)` for tf = 0…63 (index 0 unused).
    private static let sublinear: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + Float(log(Double($0))) }

    @inline(__always)
    static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* fnvPrime
    }

    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte &- 0x30 < 10) || (byte &- 0x61 < 26) || byte >= 0x80
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// An upper bound on the number of raw features of a text of `byteCount` bytes.
    static func capacity(forBytes byteCount: Int) -> Int {
        // Per byte at most 4 char grams, one unigram and one bigram; plus the sentence markers.
        6 * byteCount + 8
    }

    /// Calls `body` with the unique buckets of `text` and their normalized values (word group first).
    ///
    /// - Parameters:
    ///   - idf: one weight per bucket.
    ///   - body: receives `(buckets, values, wordCount)`; the buffers are only valid inside the call.
    public func withFeatures<R>(
        of text: String, idf: UnsafeBufferPointer<Float>,
        _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        var text = text
        return try text.withUTF8 { utf8 in
            let bytes = UnsafeBufferPointer(rebasing: utf8.prefix(Self.maxBytes))
            let capacity = Self.capacity(forBytes: bytes.count)
            return try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * capacity) { scratch in
                let raw = UnsafeMutableBufferPointer(rebasing: scratch[0..<capacity])
                let count = collect(bytes, into: raw)
                let keys = UnsafeMutableBufferPointer(rebasing: raw[0..<count])
                let spare = UnsafeMutableBufferPointer(rebasing: scratch[capacity..<(capacity + count)])
                Self.radixSort(keys, bits: bucketBits + 1, scratch: spare)
                // The sort is done with the spare half: reuse it for the values.
                return try spare.withMemoryRebound(to: Float.self) { values in
                    let unique = weigh(keys, idf: idf, values: values)
                    return try body(
                        UnsafeBufferPointer(rebasing: raw[0..<unique]), UnsafeBufferPointer(rebasing: values[0..<unique]))
                }
            }
        }
    }

    /// The features as arrays (for training and tests).
    public func features(of text: String, idf: [Float]) -> (buckets: [UInt32], values: [Float]) {
        idf.withUnsafeBufferPointer { idf in
            withFeatures(of: text, idf: idf) { (Array($0), Array($1)) }
        }
    }

    /// The unique buckets of `text` (no weighting), for document frequencies.
    public func uniqueBuckets(of text: String) -> [UInt32] {
        let ones = [Float](repeating: 1, count: buckets)
        return features(of: text, idf: ones).buckets
    }

    /// log2(buckets).
    var bucketBits: Int { buckets.trailingZeroBitCount }

    /// Writes raw keys (`group << log2(buckets) | bucket`) and returns how many.
    private func collect(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let mask = UInt64(buckets - 1)
        let charGroup: UInt32 = 1 << UInt32(bucketBits)
        var n = 0
        @inline(__always) func emit(_ hash: UInt64, _ group: UInt32) {
            out[n] = UInt32(Self.finalize(hash) & mask) | group
            n += 1
        }
        var previous = Self.startHash
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = Self.lower(bytes[i])
            if byte == 0x3F || byte == 0x21 {  // ? !
                let hash = Self.fnvStep(Self.fnvStep(Self.wordSeed, 0x01), byte)
                emit(hash, 0)
                emit(Self.bigramSeed ^ (previous &* 31) ^ hash, 0)
                previous = hash
                i += 1
                continue
            }
            guard Self.isWordByte(byte) else {
                i += 1
                continue
            }
            var end = i
            var wordHash = Self.wordSeed
            while end < count, Self.isWordByte(Self.lower(bytes[end])) {
                wordHash = Self.fnvStep(wordHash, Self.lower(bytes[end]))
                end += 1
            }
            emit(wordHash, 0)
            emit(Self.bigramSeed ^ (previous &* 31) ^ wordHash, 0)
            previous = wordHash
            // char_wb n-grams of " word ": positions -1 ... length (virtual spaces at both ends)
            let length = end - i
            var start = -1
            while start <= length - 1 {
                var hash = Self.charSeed
                var size = 0
                var position = start
                while size < 5, position <= length {
                    let b: UInt8 = (position < 0 || position == length) ? 0x20 : Self.lower(bytes[i + position])
                    hash = Self.fnvStep(hash, b)
                    size += 1
                    position += 1
                    if size >= 2 { emit(hash, charGroup) }
                    if b == 0x20 && size > 1 { break }
                }
                start += 1
            }
            i = end
        }
        emit(Self.bigramSeed ^ (previous &* 31) ^ Self.endHash, 0)
        return n
    }

    /// Run-length-encodes sorted keys in place into unique buckets, writes normalized values, returns the count.
    private func weigh(
        _ keys: UnsafeMutableBufferPointer<UInt32>, idf: UnsafeBufferPointer<Float>,
        values: UnsafeMutableBufferPointer<Float>
    ) -> Int {
        var unique = 0
        var norms: (Float, Float) = (0, 0)
        var firstChar = -1
        var index = 0
        while index < keys.count {
            let key = keys[index]
            var tf = 1
            while index + tf < keys.count, keys[index + tf] == key { tf += 1 }
            index += tf
            let bucket = Int(key & UInt32(buckets - 1))
            let value = Self.sublinear[min(tf, 63)] * idf[bucket]
            if key >> UInt32(bucketBits) == 1 {
                if firstChar < 0 { firstChar = unique }
                norms.1 += value * value
            } else {
                norms.0 += value * value
            }
            keys[unique] = UInt32(bucket)
            values[unique] = value
            unique += 1
        }
        let split = firstChar < 0 ? unique : firstChar
        let wordScale: Float = norms.0 > 0 ? 1 / (norms.0.squareRoot() * Float(2).squareRoot()) : 0
        let charScale: Float = norms.1 > 0 ? 1 / (norms.1.squareRoot() * Float(2).squareRoot()) : 0
        for j in 0..<unique { values[j] *= j < split ? wordScale : charScale }
        return unique
    }

    /// LSD radix sort by bytes (ascending; `bits` significant bits), using `scratch` (same count; at most
    /// 65,535 keys, which ``maxBytes`` guarantees).
    static func radixSort(_ a: UnsafeMutableBufferPointer<UInt32>, bits: Int, scratch: UnsafeMutableBufferPointer<UInt32>) {
        let n = a.count
        guard n > 1 else { return }
        var source = a
        var target = scratch
        var shift: UInt32 = 0
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 256) { counts in
            while Int(shift) < bits {
                for d in 0..<256 { counts[d] = 0 }
                for i in 0..<n { counts[Int((source[i] >> shift) & 0xFF)] += 1 }
                var total: UInt16 = 0
                for d in 0..<256 {
                    let c = counts[d]
                    counts[d] = total
                    total &+= c
                }
                for i in 0..<n {
                    let key = source[i]
                    let d = Int((key >> shift) & 0xFF)
                    target[Int(counts[d])] = key
                    counts[d] &+= 1
                }
                swap(&source, &target)
                shift += 8
            }
        }
        if source.baseAddress != a.baseAddress {
            for i in 0..<n { a[i] = source[i] }
        }
    }
}
