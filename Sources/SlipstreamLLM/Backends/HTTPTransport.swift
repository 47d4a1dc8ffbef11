import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Posts JSON to one server and reads the answer whole or line by line, under one overall timeout.
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let baseURL: String
    let apiKey: String?

    /// Largest answer body read, whole or streamed.
    static let maxBodyBytes = 16 << 20

    init(client: HTTPClient, baseURL: String, apiKey: String?) {
        self.client = client
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.apiKey = apiKey
    }

    func url(_ path: String) -> String { baseURL + path }

    /// Runs `operation` and fails with ``LLMError/Code/timeout`` if it is not done within `timeout`.
    static func withTimeout<T: Sendable>(
        _ timeout: Duration,
        url: String,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws(LLMError) -> T {
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await operation() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw LLMError(.timeout, "no complete answer within \(timeout)", url: url)
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw CancellationError() }
                return first
            }
        } catch {
            throw LLMError.wrapping(error, url: url)
        }
    }

    /// Sends `body` to `path` (POST, or GET when `body` is nil) and returns the status and the response.
    func send(_ path: String, body: JSONValue?) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url(path))
        request.method = body == nil ? .GET : .POST
        request.headers.add(name: "Accept", value: "application/json, text/event-stream, application/x-ndjson")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.compactText))
        }
        if let apiKey, !apiKey.isEmpty {
            request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        }
        let response = try await client.execute(request, deadline: .distantFuture)
        guard (200..<300).contains(Int(response.status.code)) else {
            let data = try await response.body.collect(upTo: 1 << 20)
            throw LLMError(
                .httpStatus,
                "server answered HTTP \(response.status.code): \(Self.errorMessage(in: Array(data.readableBytesView)))",
                url: url(path),
                status: Int(response.status.code)
            )
        }
        return response
    }

    /// Sends `body` and returns the whole answer body.
    func post(_ path: String, body: JSONValue?) async throws -> [UInt8] {
        let response = try await send(path, body: body)
        let data = try await response.body.collect(upTo: Self.maxBodyBytes)
        return Array(data.readableBytesView)
    }

    /// Sends `body` and hands each line of the answer (without its line break) to `onLine`.
    func postLines(_ path: String, body: JSONValue, onLine: (String) throws -> Bool) async throws {
        let response = try await send(path, body: body)
        var pending: [UInt8] = []
        var total = 0
        for try await chunk in response.body {
            total += chunk.readableBytes
            if total > Self.maxBodyBytes {
                throw LLMError(.badResponse, "streamed answer exceeds \(Self.maxBodyBytes) bytes", url: url(path))
            }
            pending.append(contentsOf: chunk.readableBytesView)
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, pending[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: pending[start..<end], as: UTF8.self)
                start = newline + 1
                if try !onLine(line) { return }
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty {
            _ = try onLine(String(decoding: pending, as: UTF8.self))
        }
    }

    /// The `error` text of an error body (`{"error":{"message":…}}` or `{"error":"…"}`), or the body itself.
    static func errorMessage(in body: [UInt8]) -> String {
        struct Envelope: Decodable {
            struct Detail: Decodable { var message: String? }
            var error: Detail?
            var errorText: String?
            enum CodingKeys: String, CodingKey { case error }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                if let text = try? c.decode(String.self, forKey: .error) {
                    errorText = text
                } else {
                    error = try? c.decode(Detail.self, forKey: .error)
                }
            }
        }
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body)) {
            if let text = envelope.errorText { return text }
            if let text = envelope.error?.message { return text }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.isEmpty ? "(empty body)" : text
    }

    /// Decodes `T` from `bytes`, or fails with ``LLMError/Code/badResponse`` naming what was expected.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>, what: String, url: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            let preview = String(decoding: bytes.prefix(200), as: UTF8.self)
            throw LLMError(.badResponse, "\(what) is not the expected JSON: \(preview)", url: url, underlying: "\(error)")
        }
    }
}

extension LLMError {
    /// Maps any error thrown while talking to a server to an ``LLMError``.
    static func wrapping(_ error: any Error, url: String?) -> LLMError {
        if let error = error as? LLMError { return error }
        if error is CancellationError { return LLMError(.cancelled, "the request was cancelled", url: url) }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout:
                return LLMError(.timeout, "the server did not answer in time", url: url, underlying: "\(error)")
            case .cancelled:
                return LLMError(.cancelled, "the request was cancelled", url: url, underlying: "\(error)")
            case .connectTimeout, .getConnectionFromPoolTimeout:
                return LLMError(.unreachable, "could not connect to the server", url: url, underlying: "\(error)")
            case .invalidURL, .emptyHost, .emptyScheme:
                return LLMError(.invalidConfiguration, "the server URL is not usable", url: url, underlying: "\(error)")
            default:
                return LLMError(.transport, "the connection failed", url: url, underlying: "\(error)")
            }
        }
        let text = "\(error)"
        let lower = text.lowercased()
        if lower.contains("refused") || lower.contains("connect") || lower.contains("unreachable") {
            return LLMError(.unreachable, "could not connect to the server", url: url, underlying: text)
        }
        return LLMError(.transport, "the connection failed", url: url, underlying: text)
    }
}
