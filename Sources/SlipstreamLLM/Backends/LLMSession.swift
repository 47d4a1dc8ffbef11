import AsyncHTTPClient
import NIOCore
import Synchronization

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
        let client = makeClient(connectTimeout: configuration.connectTimeout)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(makeBackend(configuration, httpClient: client)))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        return try result.get()
    }

    /// A backend on an HTTP client that lives as long as the process, for code that cannot scope one
    /// (engine factories): one client per connect timeout, never shut down.
    public static func processBackend(_ configuration: LLMConfiguration) throws(LLMError) -> any ChatBackend {
        try configuration.validate()
        let client = processClients.withLock { clients in
            if let client = clients[configuration.connectTimeout] { return client }
            let client = makeClient(connectTimeout: configuration.connectTimeout)
            clients[configuration.connectTimeout] = client
            return client
        }
        return makeBackend(configuration, httpClient: client)
    }

    private static let processClients = Mutex<[Duration: HTTPClient]>([:])

    static func makeClient(connectTimeout: Duration) -> HTTPClient {
        let nanos = connectTimeout.components.seconds * 1_000_000_000 + connectTimeout.components.attoseconds / 1_000_000_000
        return HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(timeout: .init(connect: .nanoseconds(nanos)))
        )
    }

    /// The backend for `configuration`'s API on `httpClient`.
    public static func makeBackend(_ configuration: LLMConfiguration, httpClient: HTTPClient) -> any ChatBackend {
        switch configuration.api {
        case .openai:
            OpenAIBackend(
                baseURL: configuration.resolvedBaseURL, model: configuration.model, apiKey: configuration.apiKey, httpClient: httpClient)
        case .ollama:
            OllamaBackend(
                baseURL: configuration.resolvedBaseURL, model: configuration.model, apiKey: configuration.apiKey, httpClient: httpClient)
        }
    }
}
