/// One chat request, independent of the server's API.
public struct ChatRequest: Sendable, Hashable {
    public var messages: [ChatMessage]
    /// Sampling temperature; 0 is greedy.
    public var temperature: Double
    /// Upper bound on generated tokens.
    public var maxTokens: Int
    /// Stream the answer (SSE or NDJSON) instead of waiting for it whole.
    public var stream: Bool
    /// Grammar or JSON schema the server enforces, if any.
    public var constraint: OutputConstraint?
    /// Time allowed for the whole request, answer included.
    public var timeout: Duration

    public init(
        messages: [ChatMessage],
        temperature: Double = 0,
        maxTokens: Int = 256,
        stream: Bool = false,
        constraint: OutputConstraint? = nil,
        timeout: Duration = .seconds(120)
    ) {
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.stream = stream
        self.constraint = constraint
        self.timeout = timeout
    }
}
