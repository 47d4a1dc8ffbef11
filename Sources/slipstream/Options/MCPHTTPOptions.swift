import ArgumentParser
import Foundation
import SlipstreamMCPHTTP

/// `slipstream mcp --http`: MCP's Streamable HTTP transport instead of stdin/stdout, and its server's
/// address, token, TLS and session limits.
struct MCPHTTPOptions: ParsableArguments {
    @Flag(help: "Serve MCP's Streamable HTTP transport at http://HOST:PORT/mcp, many clients at once, instead of stdin/stdout.")
    var http = false

    @Option(help: "With --http: the address to listen on (default: 127.0.0.1).")
    var host: String?

    @Option(help: "With --http: the port to listen on, 0 for a free one (default: 7700).")
    var port: Int?

    @Option(help: "With --http: the bearer token every request must carry (default: $SLIPSTREAM_MCP_TOKEN).")
    var token: String?

    @Flag(
        help: """
            With --http: a request may carry a hub agent token (`slipstream hub token issue`) instead of --token; \
            its session's hub tools act only as that agent. Needs a hub store.
            """)
    var agentTokens = false

    @OptionGroup var tls: ServerTLSOptions

    @Option(help: "With --http: most sessions open at once; another client is refused with HTTP 503 (default: 100).")
    var maxSessions: Int?

    @Option(help: "With --http: seconds a session may go without a request before it is closed (default: 1800).")
    var sessionIdleTimeout: Int?

    func validate() throws {
        guard http else {
            let given = [
                host.map { _ in "--host" }, port.map { _ in "--port" }, token.map { _ in "--token" },
                agentTokens ? "--agent-tokens" : nil, tls.tlsCert.map { _ in "--tls-cert" }, tls.clientCA.map { _ in "--client-ca" },
                tls.tlsKey.map { _ in "--tls-key" }, tls.allowInsecure ? "--allow-insecure" : nil,
                maxSessions.map { _ in "--max-sessions" }, sessionIdleTimeout.map { _ in "--session-idle-timeout" },
            ].compactMap { $0 }
            if let first = given.first { throw ValidationError("\(first) is for the HTTP transport: give --http") }
            return
        }
        guard (0...65_535).contains(port ?? 0), (maxSessions ?? 1) >= 1, (sessionIdleTimeout ?? 1) >= 1 else {
            throw ValidationError("--port must be 0 to 65535, --max-sessions and --session-idle-timeout at least 1")
        }
        try tls.validate(host: host ?? "127.0.0.1", checksTokens: resolvedToken != nil || agentTokens)
    }

    /// --token, else $SLIPSTREAM_MCP_TOKEN.
    private var resolvedToken: String? { token ?? ProcessInfo.processInfo.environment["SLIPSTREAM_MCP_TOKEN"] }

    /// The server's configuration, its request bodies at most `maxBodyBytes`.
    func configuration(maxBodyBytes: Int) throws -> MCPHTTPConfiguration {
        var configuration = MCPHTTPConfiguration(
            token: resolvedToken, agentTokens: agentTokens, tls: try tls.configuration(), maxBodyBytes: maxBodyBytes)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let maxSessions { configuration.maxSessions = maxSessions }
        if let sessionIdleTimeout { configuration.sessionIdleTimeout = .seconds(sessionIdleTimeout) }
        return configuration
    }
}
