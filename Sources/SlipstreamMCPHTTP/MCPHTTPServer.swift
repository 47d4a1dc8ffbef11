import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import MCP
import NIOCore
import NIOFoundationCompat
import ServiceLifecycle
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
            router: router(table), server: configuration.tls?.http1Server ?? .http1(),
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
        do {
            try await group.run()
        } catch {
            await table.closeAll()
            throw error
        }
        await table.closeAll()
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

    private func router(_ table: MCPHTTPSessionTable) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        if let token = configuration.token { router.add(middleware: TokenCheck(token: token)) }
        for method in [HTTPTypes.HTTPRequest.Method.post, .get, .delete] {
            router.on(RouterPath(configuration.path), method: method) { request, _ in
                try await Self.respond(to: request, table: table, maxBodyBytes: configuration.maxBodyBytes)
            }
        }
        return router
    }

    /// Hands `request` to the session table, in the SDK's terms, and its answer back.
    private static func respond(to request: Request, table: MCPHTTPSessionTable, maxBodyBytes: Int) async throws -> Response {
        let body = try await request.body.collect(upTo: maxBodyBytes)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = headers[field.name.canonicalName].map { "\($0), \(field.value)" } ?? field.value
        }
        let answer = await table.handle(
            MCP.HTTPRequest(
                method: request.method.rawValue, headers: headers, body: body.readableBytes > 0 ? Data(buffer: body) : nil,
                path: request.uri.path))
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

    /// Lets a request through only with `Authorization: Bearer <token>`; else HTTP 401 with a JSON-RPC error.
    private struct TokenCheck<Context: Hummingbird.RequestContext>: RouterMiddleware {
        let token: String

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            if BearerToken.authorizes(request.headers[.authorization], token: token) { return try await next(request, context) }
            let body =
                #"{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"this MCP server needs an Authorization: Bearer header with its token"}}"#
            return Response(
                status: .unauthorized, headers: [.contentType: "application/json", .wwwAuthenticate: "Bearer"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
    }
}
