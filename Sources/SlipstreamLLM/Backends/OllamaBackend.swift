import AsyncHTTPClient
import SlipstreamCore

/// Ollama's native chat API: `POST /api/chat`, streamed as newline-delimited JSON.
///
/// A ``OutputConstraint/jsonSchema(_:)`` goes out as `format`; Ollama has no GBNF grammars, so a
/// ``OutputConstraint/grammar(_:)`` is refused with ``LLMError/Code/unsupported``.
///
/// ```swift
/// let backend = OllamaBackend(baseURL: "http://127.0.0.1:11434", model: "slipstream", httpClient: client)
/// ```
public struct OllamaBackend: ChatBackend {
    public static let chatPath = "/api/chat"

    let transport: HTTPTransport
    public let model: String

    public init(baseURL: String, model: String, apiKey: String? = nil, httpClient: HTTPClient) {
        self.transport = HTTPTransport(client: httpClient, baseURL: baseURL, apiKey: apiKey)
        self.model = model
    }

    /// The request body the API expects.
    func body(for request: ChatRequest) throws(LLMError) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("model", .string(model)),
            (
                "messages",
                .array(request.messages.map { .object([("role", .string($0.role.rawValue)), ("content", .string($0.content))]) })
            ),
            ("stream", .bool(request.stream)),
        ]
        switch request.constraint {
        case .grammar:
            throw LLMError(.unsupported, "Ollama's /api/chat takes no GBNF grammar; use a JSON schema (--constraint json)")
        case .jsonSchema(let schema):
            fields.append(("format", schema))
        case nil:
            break
        }
        fields.append(("options", .object([("temperature", .double(request.temperature)), ("num_predict", .int(request.maxTokens))])))
        return .object(fields)
    }

    public func complete(
        _ request: ChatRequest,
        onDelta: (@Sendable (String) -> Void)?
    ) async throws(LLMError) -> ChatCompletion {
        let transport = self.transport
        let body = try self.body(for: request)
        let url = transport.url(Self.chatPath)
        return try await HTTPTransport.withTimeout(request.timeout, url: url) {
            var result = ChatCompletion(content: "")
            var finished = false
            if request.stream {
                try await transport.postLines(Self.chatPath, body: body) { line in
                    guard !line.isEmpty else { return true }
                    let chunk = try HTTPTransport.decode(Chunk.self, from: Array(line.utf8), what: "NDJSON line", url: url)
                    try Self.absorb(chunk, into: &result, onDelta: onDelta, url: url)
                    finished = chunk.done == true
                    return !finished
                }
            } else {
                let bytes = try await transport.post(Self.chatPath, body: body)
                let chunk = try HTTPTransport.decode(Chunk.self, from: bytes, what: "chat answer", url: url)
                try Self.absorb(chunk, into: &result, onDelta: nil, url: url)
                finished = chunk.done ?? true
            }
            guard finished else {
                throw LLMError(.badResponse, "answer stream ended before `done: true`", url: url)
            }
            return result
        }
    }

    static func absorb(
        _ chunk: Chunk,
        into result: inout ChatCompletion,
        onDelta: (@Sendable (String) -> Void)?,
        url: String
    ) throws {
        if let error = chunk.error {
            throw LLMError(.badResponse, "server reported an error: \(error)", url: url)
        }
        if let model = chunk.model { result.model = model }
        if let piece = chunk.message?.content, !piece.isEmpty {
            result.content += piece
            onDelta?(piece)
        }
        if let reason = chunk.done_reason { result.finishReason = reason }
        if let n = chunk.prompt_eval_count { result.promptTokens = n }
        if let n = chunk.eval_count { result.completionTokens = n }
    }

    struct Chunk: Decodable {
        struct Message: Decodable { var content: String? }
        var model: String?
        var message: Message?
        var done: Bool?
        var done_reason: String?
        var prompt_eval_count: Int?
        var eval_count: Int?
        var error: String?
    }
}
