import Foundation
import Logging
import MCP
import SlipstreamCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// MCP's stdio transport (newline-delimited JSON-RPC) over two file descriptors, with a limit on a
/// message's size: a line longer than `maxMessageBytes` is dropped as it streams in (never held in memory)
/// and answered with a JSON-RPC error, and the session goes on. A line that is not JSON is answered here
/// too, with a parse error whose id is `null` as JSON-RPC asks (the SDK would make up an id).
///
/// The SDK's `StdioTransport` keeps reading a line until its newline, however long; this one reads on a
/// thread of its own with blocking reads, so a quiet client costs no polling.
actor LineTransport: Transport {
    nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let maxMessageBytes: Int
    private let stream: AsyncThrowingStream<Data, any Swift.Error>
    private let continuation: AsyncThrowingStream<Data, any Swift.Error>.Continuation
    private var reading = false

    /// A transport reading `input` and writing `output` (standard input and output by default).
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, maxMessageBytes: Int, logger: Logger) {
        self.input = input
        self.output = output
        self.maxMessageBytes = maxMessageBytes
        self.logger = logger
        (stream, continuation) = AsyncThrowingStream<Data, any Swift.Error>.makeStream()
    }

    func connect() async throws {
        guard !reading else { return }
        reading = true
        let reader = LineReaderThread(
            input: input, maxBytes: maxMessageBytes, continuation: continuation,
            onRefused: { [weak self] code, message in
                // The reader waits for the error to be written: it goes out before anything read later,
                // and before the end of input ends the session.
                let written = DispatchSemaphore(value: 0)
                Task {
                    await self?.reject(code: code, message: message)
                    written.signal()
                }
                written.wait()
            })
        Thread { reader.run() }.start()
    }

    func disconnect() async {
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        let output = output
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else if errno == EAGAIN {
                    usleep(1_000)
                } else {
                    throw MCPError.internalError("cannot write to the client: \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    func receive() -> AsyncThrowingStream<Data, any Swift.Error> { stream }

    /// Answers a dropped message (its id unknown: `null`, as JSON-RPC asks).
    private func reject(code: Int, message: String) async {
        logger.warning("\(message)")
        let error: [String: Value] = [
            "jsonrpc": "2.0", "id": .null, "error": ["code": .int(code), "message": .string(message)],
        ]
        guard let data = try? JSONEncoder().encode(Value.object(error)) else { return }
        try? await send(data)
    }
}

/// The blocking read loop of a ``LineTransport``: yields each line of at most `maxBytes` that is not
/// blank and is JSON, refuses longer ones (``LineReader`` drops them as they stream in) and the others
/// with a JSON-RPC error code and message, and finishes the stream at end of input.
private struct LineReaderThread: Sendable {
    let input: Int32
    let maxBytes: Int
    let continuation: AsyncThrowingStream<Data, any Swift.Error>.Continuation
    let onRefused: @Sendable (_ code: Int, _ message: String) -> Void

    func run() {
        var reader = LineReader(fd: input, maxBytes: maxBytes)
        do throws(LineReader.ReadError) {
            while let line = try reader.nextRaw() {
                switch line {
                case .bytes(let bytes, let number):
                    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
                    let data = Data(bytes)
                    if (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil {
                        continuation.yield(data)
                    } else {
                        onRefused(-32700, "parse error: message \(number) is not JSON; it was dropped")
                    }
                case .tooLong(_, let bytes):
                    onRefused(-32600, "message of \(bytes) bytes is longer than the limit of \(maxBytes) bytes; it was dropped")
                }
            }
            continuation.finish()
        } catch {
            continuation.finish(throwing: MCPError.internalError("cannot read from the client: \(String(cString: strerror(error.code)))"))
        }
    }
}
