import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import MCP
import NIOCore
import NIOFoundationCompat
import ServiceLifecycle
import SlipstreamHub
import SlipstreamHubServer
import SlipstreamMCP
import UnixSignals

/// Slipstream's MCP server over MCP's Streamable HTTP transport (`slipstream mcp --http`): many clients at
/// once, each in its own session (`Mcp-Session-Id`), over one fallback store and one hub.
///
/// ```swift
/// let mcp = SlipstreamMCPServer(configuration: .init(fallbackStore: .memory))
/// try await mcp.withSessions { sessions in
///     try await MCPHTTPServer(configuration: MCPHTTPConfiguration(port: 7700)).run(sessions: sessions)
/// }
/// ```
public struct MCPHTTPServer: Sendable {
    public let configuration: MCPHTTPConfiguration
    public let logger: Logger

    public init(configuration: MCPHTTPConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        self.logger =
            logger
            ?? {
                var logger = Logger(label: "slipstream.mcp.http")
                logger.logLevel = .warning
                return logger
            }()
    }

    /// Serves clients at ``MCPHTTPConfiguration/path`` until the task is cancelled or the process gets
    /// SIGINT or SIGTERM, then closes every session. `onServerRunning` is told the port once it listens.
    public func run(
        sessions: SlipstreamMCPServer.Sessions, onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) async throws {
        let table = MCPHTTPSessionTable(sessions: sessions, configuration: configuration, logger: logger)
        let app = Application(
            router: router(table, sessions), server: configuration.tls?.http1Server ?? .http1(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "slipstream-mcp"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        // On SIGINT or SIGTERM the group stops its services in reverse order: the sessions first, which ends
        // their open event streams, then the server, which waits for the requests in flight.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: app), .init(service: SessionKeeper(table: table, idleTimeout: configuration.sessionIdleTimeout)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        // The keeper closes every session however the group ends (a signal, cancellation, a failed server).
        try await group.run()
    }

    /// Closes the sessions that idle too long, and every session when the server shuts down.
    private struct SessionKeeper: Service {
        let table: MCPHTTPSessionTable
        let idleTimeout: Duration

        func run() async throws {
            let sweep = min(idleTimeout / 2, .seconds(30))
            try? await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: sweep)
                    await table.closeIdle()
                }
            }
            await table.closeAll()
        }
    }

    private func router(_ table: MCPHTTPSessionTable, _ sessions: SlipstreamMCPServer.Sessions) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        for method in [HTTPTypes.HTTPRequest.Method.post, .get, .delete] {
            router.on(RouterPath(configuration.path), method: method) { request, _ in
                switch await caller(of: request, sessions) {
                case .allowed(let agent):
                    return try await Self.respond(to: request, as: agent, table: table, maxBodyBytes: configuration.maxBodyBytes)
                case .refused(let refusal):
                    return refusal
                }
            }
        }
        return router
    }

    /// Who a request comes from.
    private enum Caller {
        /// A hub agent token's agent, or nil: the admin token, or anyone when no token is checked.
        case allowed(agent: String?)
        /// Nobody this server serves: the answer.
        case refused(Response)
    }

    /// Who `request` comes from: the admin (its token, or anyone when no token is checked), the agent of a
    /// hub agent token (with ``MCPHTTPConfiguration/agentTokens``), or nobody (HTTP 401).
    private func caller(of request: Request, _ sessions: SlipstreamMCPServer.Sessions) async -> Caller {
        guard configuration.checksTokens else { return .allowed(agent: nil) }
        let header = request.headers[.authorization]
        if let token = configuration.token, BearerToken.authorizes(header, token: token) { return .allowed(agent: nil) }
        if configuration.agentTokens, let header, header.hasPrefix("Bearer ") {
            do throws(HubError) {
                if let agent = try await sessions.agent(ofToken: String(header.dropFirst("Bearer ".count))) {
                    return .allowed(agent: agent)
                }
            } catch {
                return .refused(Self.refusal(.serviceUnavailable, -32603, "cannot check the token: \(error.message)"))
            }
        }
        let which = [configuration.token.map { _ in "its token" }, configuration.agentTokens ? "an agent's token" : nil].compactMap { $0 }
        var refusal = Self.refusal(
            .unauthorized, -32001, "this MCP server needs an Authorization: Bearer header with \(which.joined(separator: " or "))")
        refusal.headers[.wwwAuthenticate] = "Bearer"
        return .refused(refusal)
    }

    /// A JSON-RPC error answer with `status`.
    private static func refusal(_ status: HTTPResponse.Status, _ code: Int, _ message: String) -> Response {
        let object: [String: Any] = ["jsonrpc": "2.0", "id": NSNull(), "error": ["code": code, "message": message]]
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Hands `request` to the session table, in the SDK's terms, and its answer back.
    private static func respond(
        to request: Request, as agent: String?, table: MCPHTTPSessionTable, maxBodyBytes: Int
    ) async throws -> Response {
        let body = try await request.body.collect(upTo: maxBodyBytes)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = headers[field.name.canonicalName].map { "\($0), \(field.value)" } ?? field.value
        }
        let answer = await table.handle(
            MCP.HTTPRequest(
                method: request.method.rawValue, headers: headers, body: body.readableBytes > 0 ? Data(buffer: body) : nil,
                path: request.uri.path), as: agent)
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        let responseBody: ResponseBody
        if case .stream(let events, _) = answer {
            responseBody = ResponseBody(asyncSequence: events.map { ByteBuffer(bytes: $0) })
        } else {
            responseBody = answer.bodyData.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
        }
        return Response(status: .init(code: answer.statusCode), headers: fields, body: responseBody)
    }
}
