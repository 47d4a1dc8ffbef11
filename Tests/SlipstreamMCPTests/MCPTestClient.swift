import Foundation
import MCP
import SlipstreamCore
import SlipstreamHub
import SlipstreamMCP
import Testing

/// A real MCP client (the SDK's) connected to a ``SlipstreamMCPServer`` over the SDK's in-memory transport.
struct MCPTestClient {
    let client: Client

    /// Runs `body` with a client of a server built on `store` and `hub` (in memory unless given).
    @discardableResult
    static func with<Result>(
        _ configuration: SlipstreamMCPServer.Configuration = .init(),
        store: any FallbackStore = InMemoryFallbackStore(),
        hub: any HubEndpoint = Hub(store: InMemoryHubStore()),
        _ body: (MCPTestClient) async throws -> Result
    ) async throws -> Result {
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        let server = await SlipstreamMCPServer(configuration: configuration).makeServer(store: store, hub: hub)
        try await server.start(transport: serverTransport)
        let client = Client(name: "slipstream-tests", version: "1.0")
        do {
            try await client.connect(transport: clientTransport)
            let result = try await body(MCPTestClient(client: client))
            await client.disconnect()
            await server.stop()
            return result
        } catch {
            await client.disconnect()
            await server.stop()
            throw error
        }
    }

    /// Calls a tool and returns its whole result (content, structured content, isError).
    func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
        return try await context.value
    }

    /// Calls a tool that must succeed; its structured content as an object.
    func object(_ name: String, _ arguments: [String: Value]) async throws -> [String: Value] {
        let result = try await call(name, arguments)
        #expect(result.isError == false, "\(name) failed: \(result.content)")
        return try #require(result.structuredContent?.objectValue)
    }

    /// Calls a tool that must fail; the `error` object of its structured content.
    func error(_ name: String, _ arguments: [String: Value]) async throws -> [String: Value] {
        let result = try await call(name, arguments)
        #expect(result.isError == true, "\(name) should have failed: \(result.content)")
        return try #require(result.structuredContent?.objectValue?["error"]?.objectValue)
    }
}

extension CallTool.Result {
    /// The text of every text block.
    var texts: [String] {
        content.compactMap {
            if case .text(let text, _, _) = $0 { return text }
            return nil
        }
    }
}
