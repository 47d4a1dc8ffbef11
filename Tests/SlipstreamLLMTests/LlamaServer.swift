import Foundation
import SlipstreamTestSupport
import Testing

/// A real llama.cpp server (from the `xllamacpp` wheel) serving a tiny fixed-answer model that the
/// test writes itself with scripts/llm/make_tiny_gguf.py.
///
/// Gated: set `SLIPSTREAM_LLAMA_SERVER` to a Python interpreter that has the packages of
/// scripts/llm/requirements.txt (.ci/run does). Unset, the server suites are skipped.
final class LlamaServer: @unchecked Sendable {  // Process is not Sendable; only start/stop touch it.
    /// The Python interpreter with xllamacpp and gguf, from `SLIPSTREAM_LLAMA_SERVER`.
    static let python: String? = ProcessInfo.processInfo.environment["SLIPSTREAM_LLAMA_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { python != nil }

    let url: String
    private let process: Process
    private let stdin: Pipe
    private let directory: URL

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes a model answering `answer` (forever, with `loop`) and starts a server for it; with
    /// `ollama`, `url` is that of scripts/llm/ollama_proxy.py, which speaks Ollama's `/api/chat` in
    /// front of the llama.cpp server.
    init(answer: String, loop: Bool = false, ollama: Bool = false) throws {
        guard let python = Self.python else { throw StartError(description: "SLIPSTREAM_LLAMA_SERVER is not set") }
        let scripts = Repository.url("scripts/llm")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-llm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let model = directory.appendingPathComponent("tiny.gguf").path
        let answerFile = directory.appendingPathComponent("answer.txt")
        try answer.write(to: answerFile, atomically: true, encoding: .utf8)

        let make = Process()
        make.executableURL = URL(fileURLWithPath: python)
        make.arguments =
            [scripts.appendingPathComponent("make_tiny_gguf.py").path, model, "--answer-file", answerFile.path]
            + (loop ? ["--loop"] : [])
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        guard make.terminationStatus == 0 else { throw StartError(description: "make_tiny_gguf.py exited \(make.terminationStatus)") }

        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent("serve.py").path, model, "--exit-on-eof"] + (ollama ? ["--ollama"] : [])
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // serve.py prints `SERVING http://127.0.0.1:PORT` once /health answers.
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self)
        guard let range = line.range(of: "SERVING ") else {
            process.terminate()
            throw StartError(description: "serve.py did not start: \(line)")
        }
        url = String(line[range.upperBound...].prefix(while: { !$0.isWhitespace }))
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with a server for `answer`, and stops the server afterwards.
    @discardableResult
    static func with<T>(
        answer: String, loop: Bool = false, ollama: Bool = false, _ body: (String) async throws -> T
    ) async throws -> T {
        let server = try LlamaServer(answer: answer, loop: loop, ollama: ollama)
        defer { server.stop() }
        return try await body(server.url)
    }
}
