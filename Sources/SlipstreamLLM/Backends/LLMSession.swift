import AsyncHTTPClient
import NIOCore

/// Scoped access to a configured backend and the HTTP client under it.
public enum LLMSession {
    /// Runs `body` with the backend `configuration` describes; the HTTP client is shut down afterwards.
    ///
    /// ```swift
    /// try await LLMSession.withBackend(config) { backend in
    ///     try await backend.complete(ChatRequest(messages: [.init(.user, "hi")]))
    /// }
    /// ```
    @discardableResult
    public static func withBackend<T: Sendable>(
        _ configuration: LLMConfiguration,
        _ body: (any ChatBackend) async throws -> T
    ) async throws -> T {
        try configuration.validate()
        let connect = TimeAmount.nanoseconds(Int64(configuration.connectTimeout.components.seconds) * 1_000_000_000
            + configuration.connectTimeout.components.attoseconds / 1_000_000_000)
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(timeout: .init(connect: connect))
        )
        let result: Result<T, any Error>
        do {
            result = .success(try await body(makeBackend(configuration, httpClient: client)))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        return try result.get()
    }

    /// The backend for `configuration`'s API on `httpClient`.
    public static func makeBackend(_ configuration: LLMConfiguration, httpClient: HTTPClient) -> any ChatBackend {
        switch configuration.api {
        case .openai:
            OpenAIBackend(baseURL: configuration.resolvedBaseURL, model: configuration.model, apiKey: configuration.apiKey, httpClient: httpClient)
        case .ollama:
            OllamaBackend(baseURL: configuration.resolvedBaseURL, model: configuration.model, apiKey: configuration.apiKey, httpClient: httpClient)
        }
    }
}
