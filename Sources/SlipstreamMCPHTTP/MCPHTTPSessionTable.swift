import Foundation
import Logging
import MCP
import SlipstreamMCP

/// The open sessions of an MCP server over HTTP, by `Mcp-Session-Id`: an `initialize` without a session
/// opens one (its own Streamable HTTP transport and MCP server, over the shared stores); a request with a
/// session id goes to its transport; `DELETE`, idleness or shutdown closes one.
actor MCPHTTPSessionTable {
    private struct Session {
        /// The agent whose token opened it (its hub tools act only as that agent); nil: the admin's.
        let agent: String?
        let transport: StatefulHTTPServerTransport
        let task: Task<Void, Never>
        var lastRequest: ContinuousClock.Instant
    }

    private let sessions: SlipstreamMCPServer.Sessions
    private let configuration: MCPHTTPConfiguration
    private let logger: Logger
    private var open: [String: Session] = [:]

    init(sessions: SlipstreamMCPServer.Sessions, configuration: MCPHTTPConfiguration, logger: Logger) {
        self.sessions = sessions
        self.configuration = configuration
        self.logger = logger
    }

    /// The answer to `request`, made with the token of `agent` (nil: the admin's, or no token checked).
    func handle(_ request: HTTPRequest, as agent: String?) async -> HTTPResponse {
        if let id = request.header(HTTPHeaderName.sessionID) {
            guard var session = open[id] else {
                return .error(
                    statusCode: 404, .invalidRequest("Not Found: no open session \(id) (it was closed, or expired after \(idle))"))
            }
            guard session.agent == agent else {
                return .error(
                    statusCode: 403,
                    .invalidRequest(
                        "Forbidden: session \(id) was opened with \(Self.owner(session.agent)), and this request carries \(Self.owner(agent))"
                    ))
            }
            session.lastRequest = .now
            open[id] = session
            let response = await session.transport.handleRequest(request)
            if request.method.uppercased() == "DELETE", response.statusCode == 200 { close(id) }
            return response
        }
        guard request.method.uppercased() == "POST", Self.isInitialize(request.body) else {
            return .error(
                statusCode: 400, .invalidRequest("Bad Request: no \(HTTPHeaderName.sessionID) header, and not an initialize request"))
        }
        guard open.count < configuration.maxSessions else {
            return .error(
                statusCode: 503,
                .internalError("Service Unavailable: \(open.count) sessions are open, the most this server keeps (--max-sessions)"))
        }
        return await start(request, as: agent)
    }

    /// Whose token a session or request has, in words.
    private static func owner(_ agent: String?) -> String { agent.map { "the token of agent \($0.debugDescription)" } ?? "the admin token" }

    /// Opens a session of `agent` for the `initialize` in `request` and answers it.
    private func start(_ request: HTTPRequest, as agent: String?) async -> HTTPResponse {
        let id = UUID().uuidString.lowercased()
        let transport = StatefulHTTPServerTransport(
            sessionIDGenerator: FixedSessionID(id: id), validationPipeline: validation, logger: logger)
        let (started, starting) = AsyncStream<Void>.makeStream()
        let sessions = sessions
        let logger = logger
        let task = Task {
            do {
                try await sessions.serve(transport, as: agent) {
                    starting.yield()
                    starting.finish()
                }
            } catch {
                logger.warning("MCP session \(id) failed: \(error)")
            }
            starting.finish()
        }
        open[id] = Session(agent: agent, transport: transport, task: task, lastRequest: .now)
        // The server must read from the transport before it takes the first request.
        var began = false
        for await _ in started { began = true }
        guard began else {
            close(id)
            return .error(
                statusCode: 500, .internalError("Internal Server Error: the session's MCP server did not start (see the server's log)"))
        }
        let response = await transport.handleRequest(request)
        if case .error = response { close(id) }
        logger.info("MCP session \(id) opened (\(open.count) open)")
        return response
    }

    /// How long a session may idle, in words.
    private var idle: String { "\(configuration.sessionIdleTimeout.components.seconds) s without a request" }

    /// Closes the session `id`: its transport ends and its server stops (a waiting slip_receive answers).
    private func close(_ id: String) {
        guard let session = open.removeValue(forKey: id) else { return }
        session.task.cancel()
        logger.info("MCP session \(id) closed (\(open.count) open)")
    }

    /// Closes the sessions that have had no request for longer than the idle timeout.
    func closeIdle() {
        let now = ContinuousClock.now
        for (id, session) in open where now - session.lastRequest > configuration.sessionIdleTimeout { close(id) }
    }

    /// Closes every session and waits until their servers have stopped.
    func closeAll() async {
        let tasks = open.values.map(\.task)
        for id in Array(open.keys) { close(id) }
        for task in tasks { await task.value }
    }

    /// The checks of every request: the SDK's (Accept, Content-Type, protocol version, session), and on a
    /// loopback address the Host and Origin headers too, against DNS rebinding.
    private var validation: any HTTPRequestValidationPipeline {
        var validators: [any HTTPRequestValidator] = [
            AcceptHeaderValidator(mode: .sseRequired), ContentTypeValidator(), ProtocolVersionValidator(), SessionValidator(),
        ]
        if configuration.isLoopback { validators.insert(OriginValidator.localhost(), at: 0) }
        return StandardValidationPipeline(validators: validators)
    }

    /// Whether `body` is a JSON-RPC `initialize` request.
    static func isInitialize(_ body: Data?) -> Bool {
        guard let body, let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return false }
        return message["method"] as? String == "initialize" && message["id"] != nil
    }

    private struct FixedSessionID: SessionIDGenerator {
        let id: String
        func generateSessionID() -> String { id }
    }
}
