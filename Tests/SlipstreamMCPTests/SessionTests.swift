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

    @Test func overLongAndNonJSONMessagesOnAPipeAreAnsweredWithANullIdAndEveryRequestIsAnswered() async throws {
        let input = Pipe()
        let output = Pipe()
        let server = SlipstreamMCPServer(configuration: .init(fallbackStore: .memory, limits: .init(maxMessageBytes: 1000)))
        let running = Task { try await server.run(input: input.fileHandleForReading, output: output.fileHandleForWriting) }
        let lines = [
            String(repeating: "x", count: 5000),
            "{not json",
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_decode","arguments":{"wire":"SLIP v1 a b MetaAck"}}}"#,
            "{" + String(repeating: " ", count: 2000),  // no newline: the end of input ends it
        ]
        input.fileHandleForWriting.write(Data(lines.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        try await running.value
        try output.fileHandleForWriting.close()
        let replies = try String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(replies.count == 5)
        let rejected = replies.filter { $0["id"] is NSNull }.map { $0["error"] as? [String: Any] }
        #expect(rejected.count == 3)
        let message = try #require(rejected.first??["message"] as? String)
        #expect(message.contains("5000 bytes") && message.contains("limit of 1000"))
        // JSON-RPC's parse error, with the id it could not read as null.
        #expect(rejected.dropFirst().first??["code"] as? Int == -32700)
        #expect((rejected.dropFirst().first??["message"] as? String)?.contains("message 2 is not JSON") == true)
        #expect(Set(replies.compactMap { $0["id"] as? Int }) == [1, 2])
        #expect(replies.allSatisfy { $0["id"] is NSNull || $0["result"] != nil })
    }

    /// The durable stores a session can use: a SQLite file, and the PostgreSQL server of
    /// SLIPSTREAM_POSTGRES_URL when set.
    static var durableStores: [StoreLocation] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-mcp-\(UUID().uuidString).sqlite")
        let postgres = ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return [.file(file.path)] + (postgres.map { [.postgres($0)] } ?? [])
    }

    @Test(arguments: durableStores)
    func aDurableStoreKeepsFallbackTextForTheNextSession(_ location: StoreLocation) async throws {
        defer { if case .file(let path) = location { try? FileManager.default.removeItem(atPath: path) } }
        let configuration = SlipstreamMCPServer.Configuration(fallbackStore: location)
        let v1 = #"SLIP v1 alice bob Fallback "rotate the staging keys \#(UUID().uuidString.prefix(8))""#
        let v3 = try await Self.session(configuration) { client in
            let result: RequestContext<CallTool.Result> = try await client.callTool(
                name: "slip_translate", arguments: ["wire": .string(v1), "to": "v3"])
            return try #require(try await result.value.structuredContent?.objectValue?["wire"]?.stringValue)
        }
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
        // An in-memory transport drops what arrives before it is connected; the server may still be
        // opening its store when the client sends `initialize`.
        try await serverTransport.connect()
        let running = Task { try await SlipstreamMCPServer(configuration: configuration).run(transport: serverTransport) }
        let client = Client(name: "slipstream-tests", version: "1.0")
        try await client.connect(transport: clientTransport)
        let result = try await body(client)
        await client.disconnect()
        try await running.value
        return result
    }
}
