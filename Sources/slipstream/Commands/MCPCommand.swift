import ArgumentParser
import Logging
import SlipstreamMCP
import SlipstreamMCPHTTP

/// `slipstream mcp`: the MCP server on standard input and output.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Run the Model Context Protocol server on stdin/stdout (for Claude Desktop, IDEs, agent frameworks) or HTTP.",
        discussion: """
            Standard output carries only the protocol (newline-delimited JSON-RPC); logs go to standard error. \
            The server ends when the client closes standard input. Register it in a client as the command \
            `slipstream` with the argument `mcp` (see docs/mcp.md). The hub tools (slip_send, slip_receive, …) use \
            the same hub.sqlite as `slipstream hub` unless --hub-store or --hub names another. With --http it \
            serves MCP's Streamable HTTP transport instead, many clients at once over the same stores, and prints \
            `listening on http://HOST:PORT/mcp` once it accepts connections.
            """)

    @OptionGroup var store: FallbackStoreOptions

    @OptionGroup var hub: MCPHubOptions

    @OptionGroup var transport: MCPHTTPOptions

    @Option(help: "Longest text (and agent ID) a tool accepts, in UTF-8 bytes.")
    var maxTextBytes = SlipstreamMCPServer.Configuration.Limits().maxTextBytes

    @Option(help: "Longest wire a tool accepts, in UTF-8 bytes.")
    var maxWireBytes = SlipstreamMCPServer.Configuration.Limits().maxWireBytes

    @Option(
        help:
            "Longest JSON-RPC message read on stdin, in bytes; a longer one is dropped and answered with an error (with --http: refused, HTTP 413)."
    )
    var maxMessageBytes = SlipstreamMCPServer.Configuration.Limits().maxMessageBytes

    @Option(help: "Most wires one slip_send call takes.")
    var maxSendWires = SlipstreamMCPServer.Configuration.Limits().maxSendWires

    @Option(help: "What to log on stderr: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .warning

    func validate() throws {
        guard maxTextBytes > 0, maxWireBytes > 0, maxMessageBytes > 0, maxSendWires > 0 else {
            throw ValidationError("--max-text-bytes, --max-wire-bytes, --max-message-bytes and --max-send-wires must be positive")
        }
        if transport.agentTokens, hub.server != nil {
            throw ValidationError("--agent-tokens needs a hub store (--hub-store): a hub server (--hub) checks its own tokens")
        }
    }

    func run() async throws {
        var logger = Logger(label: "slipstream.mcp") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        let server = SlipstreamMCPServer(
            configuration: .init(
                version: Slipstream.configuration.version, fallbackStore: store.location, hub: hub.location,
                hubConfiguration: hub.configuration(maxWireBytes: maxWireBytes),
                limits: .init(
                    maxTextBytes: maxTextBytes, maxWireBytes: maxWireBytes, maxMessageBytes: maxMessageBytes, maxSendWires: maxSendWires),
                logger: logger))
        guard transport.http else { return try await server.runOnStandardIO() }
        let http = try transport.configuration(maxBodyBytes: maxMessageBytes)
        try await server.withSessions { sessions in
            try await MCPHTTPServer(configuration: http, logger: logger).run(sessions: sessions) { port in
                Output.line("listening on \(http.scheme)://\(http.host):\(port)\(http.path)")
                Output.flush()
            }
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
