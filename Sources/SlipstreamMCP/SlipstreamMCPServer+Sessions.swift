import MCP
import SlipstreamHub
import SlipstreamStores

extension SlipstreamMCPServer {
    /// Clients served at once over one fallback store and one hub, sharing the quantizers and tokenizers
    /// loaded so far: what a server that takes many clients (MCP over HTTP) runs. Made by
    /// ``SlipstreamMCPServer/withSessions(_:)``.
    public struct Sessions: Sendable {
        /// The tools' context, but for the session.
        let shared: ToolContext

        /// Serves one client over `transport` until the client or the transport disconnects, or the task is
        /// cancelled. A slip_receive still waiting then stops waiting and answers with what is there.
        /// With `agent` (the agent of the client's token, ``agent(ofToken:)``) the hub tools act only as that
        /// agent (``AgentHub``). `onStarted` is called once the server reads from the transport.
        public func serve(_ transport: any Transport, as agent: String? = nil, onStarted: @Sendable () -> Void = {}) async throws {
            try await serve(transport, as: agent, onStarted: onStarted, beforeStopping: {})
        }

        /// ``serve(_:as:onStarted:)``, running `beforeStopping` after the session ended and before the server stops.
        func serve(
            _ transport: any Transport, as agent: String? = nil, onStarted: @Sendable () -> Void = {}, beforeStopping: () async -> Void
        ) async throws {
            var context = shared
            context.session = SessionLifetime()
            if let agent { context.hub = AgentHub(hub: try localHub(), agent: agent) }
            let session = context.session
            let server = await SlipstreamMCPServer.makeServer(context: context)
            try await server.start(transport: transport)
            onStarted()
            await withTaskCancellationHandler {
                await server.waitUntilCompleted()
            } onCancel: {
                session.end()
                Task { await transport.disconnect() }
            }
            session.end()
            await beforeStopping()
            await server.stop()
        }

        /// The agent whose hub agent token (`slipstream hub token issue`) `secret` is, or nil when it is none.
        public func agent(ofToken secret: String) async throws(HubError) -> String? {
            try await localHub().authenticate(secret)?.agent
        }

        /// The hub over the store: agent tokens live in it. A hub server (`hub: .server`) checks its own.
        private func localHub() throws(HubError) -> Hub {
            guard let hub = shared.hub as? Hub else {
                throw HubError(.invalidRequest, "agent tokens need a hub store (--hub-store); a hub server (--hub) checks its own tokens")
            }
            return hub
        }
    }

    /// Opens the configured fallback store and hub (a SQLite file when a tool first needs it) for the length
    /// of `body`, which serves clients over them with ``Sessions/serve(_:)``, one or many at a time.
    public func withSessions<Result: Sendable>(_ body: (Sessions) async throws -> Result) async throws -> Result {
        try await configuration.fallbackStore.withFallbackStore { store in
            try await configuration.hub.withEndpoint(configuration: configuration.hubConfiguration) { hub in
                try await body(
                    Sessions(shared: ToolContext(configuration: configuration, store: store, hub: hub, session: SessionLifetime())))
            }
        }
    }
}
