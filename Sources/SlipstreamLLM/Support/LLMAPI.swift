/// The HTTP API a language-model server speaks.
public enum LLMAPI: String, Sendable, Hashable, CaseIterable {
    /// OpenAI-compatible `POST /v1/chat/completions` with SSE streaming: llama.cpp's
    /// `llama-server`, llama-cpp-python, vLLM, LM Studio, and Ollama's `/v1` endpoint.
    case openai
    /// Ollama's native `POST /api/chat` with NDJSON streaming.
    case ollama

    /// The base URL a local server of this kind listens on by default.
    public var defaultBaseURL: String {
        switch self {
        case .openai: "http://127.0.0.1:8080"
        case .ollama: "http://127.0.0.1:11434"
        }
    }
}
