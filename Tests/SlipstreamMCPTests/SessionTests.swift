import Foundation
import MCP
import SlipstreamCore
import SlipstreamMCP
import SlipstreamStores
import Testing

@Suite("MCP sessions: malformed input, the fallback store across sessions")
struct SessionTests {
    @Test func malformedJSONRPCGetsAnErrorAndTheServerKeepsAnswering() async throws {
        let (client, serverTransport) = await InMemoryTransport.createConnectedPair()
        let server = await SlipstreamMCPServer().makeServer(store: InMemoryFallbackStore())
        try await server.start(transport: serverTransport)
        try await client.connect()
        var replies = await client.receive().makeAsyncIterator()
        for garbage in ["{not json", #"{"jsonrpc":"2.0","id":7}"#, "[]", #""just a string""#] {
            try await client.send(Data(garbage.utf8))
            let reply = try #require(try await replies.next())
            let object = try #require(try JSONSerialization.jsonObject(with: reply) as? [String: Any])
            #expect(object["error"] != nil, "no error for \(garbage): \(String(decoding: reply, as: UTF8.self))")
        }
        let initialize = #"""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
            """#
        try await client.send(Data(initialize.utf8))
        let reply = try #require(try await replies.next())
        let object = try #require(try JSONSerialization.jsonObject(with: reply) as? [String: Any])
        #expect(object["result"] != nil)
        await client.disconnect()
        await server.stop()
    }

    @Test func aSQLiteStoreKeepsFallbackTextForTheNextSession() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-mcp-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = SlipstreamMCPServer.Configuration(fallbackStore: .file(path))
        let v1 = #"SLIP v1 alice bob Fallback "rotate the staging keys""#
        let v3 = try await Self.session(configuration) { client in
            let result: RequestContext<CallTool.Result> = try await client.callTool(
                name: "slip_translate", arguments: ["wire": .string(v1), "to": "v3"])
            return try #require(try await result.value.structuredContent?.objectValue?["wire"]?.stringValue)
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let back = try await Self.session(configuration) { client in
            let result: RequestContext<CallTool.Result> = try await client.callTool(
                name: "slip_translate", arguments: ["wire": .string(v3), "to": "v1"])
            return try #require(try await result.value.structuredContent?.objectValue?["wire"]?.stringValue)
        }
        #expect(back == v1)
    }

    /// One client session against ``SlipstreamMCPServer/run(transport:)``, which opens the configured store
    /// and returns when the client disconnects.
    private static func session<Result: Sendable>(
        _ configuration: SlipstreamMCPServer.Configuration, _ body: (Client) async throws -> Result
    ) async throws -> Result {
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        let running = Task { try await SlipstreamMCPServer(configuration: configuration).run(transport: serverTransport) }
        let client = Client(name: "slipstream-tests", version: "1.0")
        try await client.connect(transport: clientTransport)
        let result = try await body(client)
        await client.disconnect()
        try await running.value
        return result
    }
}
