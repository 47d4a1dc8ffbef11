/// A finished chat answer.
public struct ChatCompletion: Sendable, Hashable {
    /// The answer's text (streamed pieces joined).
    public var content: String
    /// Why generation stopped (`stop`, `length`, …) when the server says.
    public var finishReason: String?
    /// The model the server reports.
    public var model: String?
    /// Prompt tokens, when the server reports usage.
    public var promptTokens: Int?
    /// Generated tokens, when the server reports usage.
    public var completionTokens: Int?

    public init(
        content: String,
        finishReason: String? = nil,
        model: String? = nil,
        promptTokens: Int? = nil,
        completionTokens: Int? = nil
    ) {
        self.content = content
        self.finishReason = finishReason
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
