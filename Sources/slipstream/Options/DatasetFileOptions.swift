import ArgumentParser
import Foundation
import SlipstreamCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The dataset file the `data` commands read, streamed line by line in bounded memory.
struct DatasetFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A TQT JSONL file (`-` reads standard input).", valueName: "file"))
    var file: String

    @Option(help: "Longest row accepted, in bytes; a longer one is reported and skipped.")
    var maxLineBytes = 1 << 20

    /// The file's name in messages.
    var name: String { file == "-" ? "stdin" : file }

    /// Runs `body` over the file's lines (opened for the call, closed after it).
    func withLines<Result>(_ body: (inout LineReader) async throws -> Result) async throws -> Result {
        guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive") }
        if file == "-" {
            var reader = LineReader(fd: 0, maxBytes: maxLineBytes)
            return try await body(&reader)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            throw CommandFailure("\(file.debugDescription) is a folder, not a JSONL file")
        }
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else {
            throw CommandFailure("cannot open \(file.debugDescription): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var reader = LineReader(fd: fd, maxBytes: maxLineBytes)
        return try await body(&reader)
    }

    /// Streams the file's rows: `row` gets each line that is not blank and its number, `tooLong` the number
    /// and size of each line over ``maxLineBytes`` (dropped as it streamed in).
    func forEachRow(
        _ row: (_ text: String, _ number: Int) async throws -> Void, tooLong: (_ number: Int, _ bytes: Int) -> Void
    ) async throws {
        try await withLines { reader in
            while let line = reader.next() {
                switch line {
                case .text(let text, let number):
                    if text.allSatisfy(\.isWhitespace) { continue }
                    try await row(text, number)
                case .tooLong(let number, let bytes):
                    tooLong(number, bytes)
                }
            }
        }
    }
}
