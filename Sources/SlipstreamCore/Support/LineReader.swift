#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in bounded memory: a line longer than `maxBytes` is skipped to its
/// end and reported as too long, so a 100 MB input never sits in memory. A trailing `\r` is not part of a
/// line.
///
/// ```swift
/// for case .text(let line, let number) in LineReader(maxBytes: 4096) { print(number, line) }
/// ```
public struct LineReader: Sequence, IteratorProtocol {
    /// One line, or a line that was too long (with its 1-based number and length).
    public enum Line {
        case text(String, number: Int)
        case tooLong(number: Int, bytes: Int)
    }

    /// One line as bytes (not decoded), or a line that was too long.
    public enum RawLine {
        case bytes([UInt8], number: Int)
        case tooLong(number: Int, bytes: Int)
    }

    /// Reading the file descriptor failed (other than an interruption or a non-blocking descriptor's
    /// "try again", which are retried).
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// The `errno` of the failed `read`.
        public var code: Int32
        public var description: String { "cannot read: \(String(cString: strerror(code)))" }
    }

    private let fd: Int32
    private let maxBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var lineNumber = 0

    /// A reader of `fd` (standard input by default) refusing lines over `maxBytes`.
    public init(fd: Int32 = 0, maxBytes: Int) {
        self.fd = fd
        self.maxBytes = maxBytes
    }

    /// The next line decoded as UTF-8; nil at the end of input, or when reading fails.
    public mutating func next() -> Line? {
        switch try? nextRaw() {
        case .bytes(let bytes, let number)?: .text(String(decoding: bytes, as: UTF8.self), number: number)
        case .tooLong(let number, let bytes)?: .tooLong(number: number, bytes: bytes)
        case nil: nil
        }
    }

    /// The next line as bytes; nil at the end of input.
    public mutating func nextRaw() throws(ReadError) -> RawLine? {
        var pending: [UInt8] = []
        var overflow = 0
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                let chunk = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return finish(pending, chunk, overflow: overflow)
            }
            // No newline in the buffer: keep what fits under the limit, count the rest.
            let chunk = buffer[start..<end]
            if overflow == 0 && pending.count + chunk.count <= maxBytes + 1 {
                pending.append(contentsOf: chunk)
            } else {
                overflow += chunk.count
            }
            start = 0
            end = 0
            if atEOF {
                guard !pending.isEmpty || overflow > 0 else { return nil }
                lineNumber += 1
                return finish(pending, [], overflow: overflow)
            }
            end = try fill()
            if end == 0 { atEOF = true }
        }
    }

    /// Reads into the buffer; 0 at the end of input. Retries an interrupted read, and waits on a
    /// non-blocking descriptor that has nothing yet.
    private mutating func fill() throws(ReadError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN: usleep(10_000)
            case let code: throw ReadError(code: code)
            }
        }
    }

    private func finish(_ pending: [UInt8], _ chunk: ArraySlice<UInt8>, overflow: Int) -> RawLine {
        let total = pending.count + chunk.count + overflow
        var length = total
        if length > 0, (chunk.last ?? pending.last) == 0x0D, overflow == 0 { length -= 1 }  // CRLF
        if length > maxBytes { return .tooLong(number: lineNumber, bytes: length) }
        var bytes = pending
        bytes.append(contentsOf: chunk)
        if bytes.last == 0x0D { bytes.removeLast() }
        return .bytes(bytes, number: lineNumber)
    }
}
