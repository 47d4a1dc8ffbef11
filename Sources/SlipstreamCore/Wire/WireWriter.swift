/// Fills a wire's buffer front to back, checking each put against the buffer's capacity.
///
/// A put that would not fit writes nothing and clears ``fits``; the caller then throws the buffer away
/// (and, for the formatter's stack buffer, starts over with one of the right size).
struct WireWriter {
    /// How many bytes past what it has put a writer may store (a word put stores eight bytes whatever its
    /// count): a buffer needs this many more than the wire, and each put checks for its bytes plus these.
    static let slack = 8
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0
    private(set) var fits = true

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    /// Whether `n` more bytes (plus the slack) fit; notes it when they do not.
    @inline(__always)
    private mutating func room(for n: Int) -> Bool {
        if count &+ n &+ Self.slack <= capacity { return true }
        fits = false
        return false
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        guard room(for: 1) else { return }
        base[count] = byte
        count &+= 1
    }

    /// Puts `SLIP vN <src> <dst> ` (`head` is `SLIP vN ` as a word) and notes where src and dst end.
    @inline(__always)
    mutating func putHead(_ head: UInt64, src: borrowing String, dst: borrowing String, layout: inout SlipMessage.Layout) {
        put(word: head, count: 8)
        put(src)
        layout.srcEnd = count
        put(0x20)
        put(dst)
        layout.dstEnd = count
        put(0x20)
    }

    /// Puts the first `count` bytes of `word` (a little-endian word). It stores all eight, which the slack
    /// past `count` bytes covers.
    @inline(__always)
    mutating func put(word: UInt64, count: Int) {
        guard room(for: count) else { return }
        UnsafeMutableRawPointer(base + self.count).storeBytes(of: word.littleEndian, as: UInt64.self)
        self.count &+= count
    }

    @inline(__always)
    mutating func put(_ text: borrowing String) {
        let n = Self.copy(text, to: UnsafeMutableRawPointer(base + count), room: capacity &- count &- Self.slack)
        if n >= 0 {
            count &+= n
        } else if n == -1 {
            fits = false
        } else {
            putByteByByte(text)
        }
    }

    /// Copies `text`'s UTF-8 to `to` and returns its length; -1 when it is longer than `room`, -2 when its
    /// UTF-8 is not contiguous. It is a static function that calls nothing but `memcpy` while it holds the
    /// bytes: a closure capturing `self`, or a call the optimizer cannot see through, makes it retain and
    /// release the string around the access, which costs more than the copy.
    @inline(__always)
    private static func copy(_ text: borrowing String, to: UnsafeMutableRawPointer, room: Int) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            guard bytes.count <= room else { return -1 }
            if let from = bytes.baseAddress { to.copyMemory(from: from, byteCount: bytes.count) }
            return bytes.count
        } ?? -2
    }

    /// For a string without contiguous UTF-8 (not made by Swift on Linux).
    @inline(never)
    private mutating func putByteByByte(_ text: borrowing String) {
        guard room(for: text.utf8.count) else { return }
        count += UnsafeMutableBufferPointer(start: base + count, count: text.utf8.count).initialize(from: text.utf8).1
    }
}
