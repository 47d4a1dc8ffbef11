#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes lines to a new file (buffered); every failure names the file.
final class LineWriter {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?

    init(path: String) throws {
        self.path = path
        guard let file = fopen(path, "w") else {
            throw CommandFailure("cannot write \(path.debugDescription): \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    func line(_ text: String) throws {
        guard let file else { throw CommandFailure("\(path.debugDescription) is already closed") }
        let line = text + "\n"
        let written = line.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) } ?? 0
        guard written == line.utf8.count else {
            throw CommandFailure("cannot write \(path.debugDescription): \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes and closes the file.
    func close() throws {
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else {
            throw CommandFailure("cannot write \(path.debugDescription): \(String(cString: strerror(errno)))")
        }
    }

    deinit { if let file { fclose(file) } }
}
