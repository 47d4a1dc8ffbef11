import Foundation
import Logging
import MCP
import SlipstreamCore
import SlipstreamHub
import SlipstreamStores

/// Slipstream as a Model Context Protocol server: the CLI's operations as tools (`slip_encode`,
/// `slip_decode`, `slip_validate`, `slip_translate`, `slip_render`, `slip_anchors`, `slip_tokens`), the
/// hub's as tools through which agents talk (`slip_send`, `slip_receive`, `slip_ack`, `slip_join`,
/// `slip_leave`, `slip_members`), the UCR
/// codebooks as resources (`slipstream://ucr/v1`, `slipstream://ucr/v3`) and the training system prompts
/// as prompts (`slip_v1`, `slip_v3`).
///
/// ```swift
/// let server = SlipstreamMCPServer(configuration: .init(fallbackStore: .memory))
/// try await server.runOnStandardIO()  // until the client closes stdin
/// ```
///
/// A tool's failure (a bad argument, an unparsable wire, a missing rank file) is an MCP tool error
/// carrying `{code, message, offset, argument}`; it never ends the connection.
public struct SlipstreamMCPServer: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Serves one client on standard input and output until it closes standard input.
    public func runOnStandardIO() async throws {
        try await run(input: .standardInput, output: .standardOutput)
    }

    /// Serves one client that writes newline-delimited JSON-RPC to `input` (messages of at most
    /// `limits.maxMessageBytes`) and reads the replies from `output`, until it closes `input`.
    public func run(input: FileHandle, output: FileHandle) async throws {
        // A client that goes away mid-reply is a failed write, not a SIGPIPE that ends the process.
        signal(SIGPIPE, SIG_IGN)
        let transport = LineTransport(
            input: input.fileDescriptor, output: output.fileDescriptor, maxMessageBytes: configuration.limits.maxMessageBytes,
            logger: configuration.logger)
        try await run(transport: transport)
    }

    /// Serves one client over `transport` until it disconnects, with the configured fallback store and
    /// hub open for the whole session (a SQLite file is opened when a tool first needs it). When the client
    /// disconnects, a slip_receive still waiting stops waiting and answers with what is there.
    public func run(transport: any Transport) async throws {
        configuration.logger.info(
            "serving MCP", metadata: ["fallback-store": "\(configuration.fallbackStore)", "hub": "\(configuration.hub)"])
        let transport = DrainingTransport(transport, logger: configuration.logger)
        try await withSessions { sessions in
            // The client may close its side right after its last request: answer what was read.
            try await sessions.serve(transport) { await transport.drain(within: configuration.drainLimit) }
        }
        configuration.logger.info("client disconnected")
    }

    /// An MCP server with every handler registered, its tools keeping Fallback text in `store` and routing
    /// wires through `hub` (default: an in-memory hub); start it with `Server.start(transport:)`. Its
    /// slip_receive waits end by their own limit or the client's cancellation.
    public func makeServer(store: any FallbackStore, hub: any HubEndpoint = Hub(store: InMemoryHubStore())) async -> Server {
        await Self.makeServer(context: ToolContext(configuration: configuration, store: store, hub: hub, session: SessionLifetime()))
    }

    /// An MCP server with every handler registered, its tools working in `context`.
    static func makeServer(context: ToolContext) async -> Server {
        let configuration = context.configuration
        let server = Server(
            name: configuration.name, version: configuration.version, title: "Slipstream",
            instructions: """
                Slipstream turns agent intents into compact SLIP wire lines (`SLIP v1 alice bob RequestReview \
                auth_module`) and back. Use slip_encode to turn a message into a wire, slip_decode / slip_render \
                to read one, slip_validate to check one, slip_translate between v1 and v3, slip_anchors for the \
                codebook and slip_tokens to count tokens. The prompts slip_v1 / slip_v3 make a model speak SLIP. \
                To talk to other agents: slip_send a wire (its dst is an agent or a group), slip_receive your \
                agent's messages (wait_seconds to wait for one), slip_join / slip_leave groups, slip_members.
                """,
            capabilities: .init(
                prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                tools: .init(listChanged: false)))
        let tools = ToolBox(context: context)
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: ToolBox.definitions) }
        await server.withMethodHandler(CallTool.self) { params in
            try await tools.call(params.name, arguments: params.arguments)
        }
        await server.withMethodHandler(ListResources.self) { _ in .init(resources: CodebookResources.list) }
        await server.withMethodHandler(ReadResource.self) { params in try CodebookResources.read(params.uri) }
        await server.withMethodHandler(ListPrompts.self) { _ in .init(prompts: SystemPrompts.list) }
        await server.withMethodHandler(GetPrompt.self) { params in try SystemPrompts.get(params.name) }
        return server
    }
}
