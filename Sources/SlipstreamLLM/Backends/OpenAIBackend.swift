import AsyncHTTPClient
import SlipstreamCore

/// The OpenAI-compatible chat API: `POST /v1/chat/completions`, streamed as server-sent events.
///
/// Speaks to llama.cpp's `llama-server`, llama-cpp-python's server, vLLM, LM Studio and Ollama's
/// `/v1` endpoint. A ``OutputConstraint/grammar(_:)`` goes out as llama.cpp's `grammar` field, a
/// ``OutputConstraint/jsonSchema(_:)`` as `response_format` of type `json_schema`.
///
/// ```swift
/// let backend = OpenAIBackend(baseURL: "http://127.0.0.1:8080", model: "slipstream", httpClient: client)
/// let answer = try await backend.complete(ChatRequest(messages: [.init(.user, "hi")]))
/// ```
public struct OpenAIBackend: ChatBackend {
    /// Path of the chat endpoint under the base URL (a base URL ending in `/v1` is handled).
    public static let chatPath = "/v1/chat/completions"

    let transport: HTTPTransport
    public let model: String

    public init(baseURL: String, model: String, apiKey: String? = nil, httpClient: HTTPClient) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1") { base.removeLast(3) }
        self.transport = HTTPTransport(client: httpClient, baseURL: base, apiKey: apiKey)
        self.model = model
    }

    /// The request body the API expects.
    func body(for request: ChatRequest) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("model", .string(model)),
            (
                "messages",
                .array(request.messages.map { .object([("role", .string($0.role.rawValue)), ("content", .string($0.content))]) })
            ),
            ("temperature", .double(request.temperature)),
            ("max_tokens", .int(request.maxTokens)),
            ("stream", .bool(request.stream)),
        ]
        switch request.constraint {
        case .grammar(let grammar):
            fields.append(("grammar", .string(grammar)))
        case .jsonSchema(let schema):
            fields.append(
                (
                    "response_format",
                    .object([
                        ("type", .string("json_schema")),
                        ("json_schema", .object([("name", .string("tqt_record")), ("strict", .bool(true)), ("schema", schema)])),
                    ])
                ))
        case nil:
            break
        }
        return .object(fields)
    }

    public func complete(
        _ request: ChatRequest,
        onDelta: (@Sendable (String) -> Void)?
    ) async throws(LLMError) -> ChatCompletion {
        let transport = self.transport
        let body = self.body(for: request)
        let url = transport.url(Self.chatPath)
        return try await HTTPTransport.withTimeout(request.timeout, url: url) {
            if request.stream {
                return try await Self.stream(transport: transport, body: body, url: url, onDelta: onDelta)
            }
            let bytes = try await transport.post(Self.chatPath, body: body)
            let response = try HTTPTransport.decode(Response.self, from: bytes, what: "chat answer", url: url)
            if let message = response.error?.message {
                throw LLMError(.badResponse, "server reported an error: \(message)", url: url)
            }
            guard let choice = response.choices?.first else {
                throw LLMError(.badResponse, "chat answer has no choices", url: url)
            }
            return ChatCompletion(
                content: choice.message?.content ?? "",
                finishReason: choice.finish_reason,
                model: response.model,
                promptTokens: response.usage?.prompt_tokens,
                completionTokens: response.usage?.completion_tokens
            )
        }
    }

    static func stream(
        transport: HTTPTransport,
        body: JSONValue,
        url: String,
        onDelta: (@Sendable (String) -> Void)?
    ) async throws -> ChatCompletion {
        var result = ChatCompletion(content: "")
        var sawDone = false
        var sawData = false
        try await transport.postLines(chatPath, body: body) { line in
            if line.hasPrefix("error:") {
                let detail = line.dropFirst(6).trimmingPrefix(" ")
                throw LLMError(
                    .badResponse, "server reported an error in the stream: \(HTTPTransport.errorMessage(in: Array(detail.utf8)))", url: url)
            }
            guard line.hasPrefix("data:") else { return true }  // comments, `event:`, blank separators
            let data = line.dropFirst(5).trimmingPrefix(" ")
            if data == "[DONE]" {
                sawDone = true
                return false
            }
            sawData = true
            let chunk = try HTTPTransport.decode(Response.self, from: Array(data.utf8), what: "stream event", url: url)
            if let message = chunk.error?.message {
                throw LLMError(.badResponse, "server reported an error in the stream: \(message)", url: url)
            }
            if let model = chunk.model { result.model = model }
            if let usage = chunk.usage {
                result.promptTokens = usage.prompt_tokens
                result.completionTokens = usage.completion_tokens
            }
            if let choice = chunk.choices?.first {
                if let piece = choice.delta?.content, !piece.isEmpty {
                    result.content += piece
                    onDelta?(piece)
                }
                if let reason = choice.finish_reason { result.finishReason = reason }
            }
            return true
        }
        guard sawDone || (sawData && result.finishReason != nil) else {
            throw LLMError(.badResponse, "event stream ended before the answer was finished", url: url)
        }
        return result
    }

    public func tokenize(_ text: String, timeout: Duration) async throws(LLMError) -> [Int] {
        let transport = self.transport
        let url = transport.url("/tokenize")
        return try await HTTPTransport.withTimeout(timeout, url: url) {
            let body = JSONValue.object([("content", .string(text)), ("add_special", .bool(false))])
            let bytes = try await transport.post("/tokenize", body: body)
            return try HTTPTransport.decode(Tokens.self, from: bytes, what: "tokenize answer", url: url).tokens
        }
    }

    /// Whether the server answers `GET /health` (llama.cpp) or `GET /v1/models` with success.
    public func health(timeout: Duration = .seconds(5)) async throws(LLMError) {
        let transport = self.transport
        let url = transport.url("/health")
        _ = try await HTTPTransport.withTimeout(timeout, url: url) {
            try await transport.post("/health", body: nil)
        }
    }

    struct Response: Decodable {
        struct Message: Decodable { var content: String? }
        struct Choice: Decodable {
            var message: Message?
            var delta: Message?
            var finish_reason: String?
        }
        struct Usage: Decodable {
            var prompt_tokens: Int?
            var completion_tokens: Int?
        }
        struct ErrorDetail: Decodable { var message: String? }
        var choices: [Choice]?
        var model: String?
        var usage: Usage?
        var error: ErrorDetail?
    }

    struct Tokens: Decodable { var tokens: [Int] }
}
