/// A server that answers chat requests: the one requirement an LLM backend has to meet.
public protocol ChatBackend: Sendable {
    /// Sends `request`; for a streaming request, `onDelta` receives each piece of text as it arrives.
    func complete(
        _ request: ChatRequest,
        onDelta: (@Sendable (String) -> Void)?
    ) async throws(LLMError) -> ChatCompletion

    /// The server's own tokenization of `text` (token ids), when the API has it.
    func tokenize(_ text: String, timeout: Duration) async throws(LLMError) -> [Int]
}

extension ChatBackend {
    /// Sends `request` and waits for the whole answer.
    public func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        try await complete(request, onDelta: nil)
    }

    public func tokenize(_ text: String, timeout: Duration) async throws(LLMError) -> [Int] {
        throw LLMError(.unsupported, "this backend has no tokenizer endpoint")
    }
}
