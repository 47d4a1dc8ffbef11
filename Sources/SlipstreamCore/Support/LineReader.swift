#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in bounded memory: a line longer than `maxBytes` is skipped to its
/// end and reported as too long, so a 100 MB input never sits in memory.
struct LineReader: Sequence, IteratorProtocol {
    /// One line, or a line that was too long (with its 1-based number and length).
    enum Line {
        case text(String, number: Int)
        case tooLong(number: Int, bytes: Int)
    }

    private let fd: Int32
    private let maxBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var lineNumber = 0

    init(fd: Int32 = 0, maxBytes: Int) {
        self.fd = fd
        self.maxBytes = maxBytes
    }

    mutating func next() -> Line? {
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
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { atEOF = true } else { end = count }
        }
    }

    private func finish(_ pending: [UInt8], _ chunk: ArraySlice<UInt8>, overflow: Int) -> Line {
        let total = pending.count + chunk.count + overflow
        var length = total
        if length > 0, (chunk.last ?? pending.last) == 0x0D, overflow == 0 { length -= 1 }  // CRLF
        if length > maxBytes { return .tooLong(number: lineNumber, bytes: length) }
        var bytes = pending
        bytes.append(contentsOf: chunk)
        if bytes.last == 0x0D { bytes.removeLast() }
        return .text(String(decoding: bytes, as: UTF8.self), number: lineNumber)
    }
}
