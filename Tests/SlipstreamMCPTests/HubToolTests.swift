import Foundation
import Logging
import MCP
import SlipstreamCore
import SlipstreamHub
import SlipstreamStores
import Testing

@testable import SlipstreamMCP

@Suite("MCP hub tools: agents talking through the hub")
struct HubToolTests {
    @Test func aWireToAGroupReachesEveryMemberButTheSenderAndIsAcknowledgedOnReceive() async throws {
        try await MCPTestClient.with { peer in
            for agent in ["alice", "bob", "carol"] {
                _ = try await peer.object("slip_join", ["group": "reviewers", "agent": .string(agent)])
            }
            #expect(try await peer.object("slip_members", ["group": "reviewers"])["members"] == ["alice", "bob", "carol"])
            let wire = "SLIP v1 alice reviewers RequestReview auth_module"
            let sent = try await peer.call("slip_send", ["wire": .string(wire)])
            let receipt = HubReceipt(id: 1, recipients: ["bob", "carol"], wire: wire)
            let expected = JSONValue.object([
                ("results", .array([HubReceipt.json(line: 1, .success(receipt))])), ("accepted", .int(1)), ("refused", .int(0)),
            ])
            #expect(sent.structuredContent == expected.mcpValue)
            #expect(sent.texts == [expected.compactText])

            for agent in ["bob", "carol"] {
                let received = try await peer.object("slip_receive", ["agent": .string(agent)])
                let messages = try #require(received["messages"]?.arrayValue)
                #expect(messages.count == 1)
                let message = try #require(messages.first?.objectValue)
                #expect(message["wire"] == .string(wire) && message["src"] == "alice" && message["dst"] == "reviewers")
                #expect(message["recipient"] == .string(agent) && message["id"] == 1 && message["version"] == "v1")
                #expect(received["acknowledgedThrough"] == 1)
                #expect(try await peer.object("slip_receive", ["agent": .string(agent)])["messages"] == [])
            }
            #expect(try await peer.object("slip_receive", ["agent": "alice"])["messages"] == [])
            #expect(try await peer.object("slip_leave", ["group": "reviewers", "agent": "carol"])["members"] == ["alice", "bob"])
        }
    }

    @Test func withoutAcknowledgingAMessageIsReceivedAgainUntilSlipAck() async throws {
        try await MCPTestClient.with { peer in
            _ = try await peer.object(
                "slip_send", ["wires": ["SLIP v1 alice bob RequestReview auth_module", "SLIP v3 carol bob Inform Complete"]])
            let first = try await peer.object("slip_receive", ["agent": "bob", "ack": false])
            #expect(first["messages"]?.arrayValue?.count == 2)
            #expect(first["acknowledgedThrough"] == .null)
            let again = try await peer.object("slip_receive", ["agent": "bob", "ack": false, "limit": 1])
            #expect(again["messages"]?.arrayValue?.first == first["messages"]?.arrayValue?.first)
            #expect(again["messages"]?.arrayValue?.count == 1)
            #expect(try await peer.object("slip_ack", ["agent": "bob", "through": 1]) == ["agent": "bob", "through": 1])
            let rest = try #require(try await peer.object("slip_receive", ["agent": "bob"])["messages"]?.arrayValue)
            #expect(rest.map { $0.objectValue?["wire"] } == ["SLIP v3 carol bob Inform Complete"])
            // Acknowledging beyond the newest message acknowledges only through it.
            #expect(try await peer.object("slip_ack", ["agent": "bob", "through": 99]) == ["agent": "bob", "through": 2])
        }
    }

    @Test func eachRefusedWireCarriesTheHubErrorAndTheOthersAreStillSent() async throws {
        try await MCPTestClient.with { peer in
            let bad = "SLIP v1 a bob RequestTask x:y"
            let sent = try await peer.object(
                "slip_send", ["wires": ["SLIP v1 alice bob RequestReview auth_module", .string(bad), "SLIP v1 alice bob MetaAck"]])
            #expect(sent["accepted"] == 2 && sent["refused"] == 1)
            let results = try #require(sent["results"]?.arrayValue).compactMap(\.objectValue)
            #expect(results.map { $0["line"] } == [1, 2, 3])
            #expect(results.map { $0["id"] } == [1, nil, 2])
            var refusal: HubError?
            do throws(HubError) { _ = try await Hub(store: InMemoryHubStore()).send(bad) } catch { refusal = error }
            let expected = try #require(refusal)
            #expect(results[1]["error"] == expected.json.mcpValue)
            #expect(results[1]["error"]?.objectValue?["code"] == "invalid_wire")
            #expect(results[1]["error"]?.objectValue?["offset"] == 26)
        }
    }

    @Test func badNamesAndArgumentsAreToolErrors() async throws {
        try await MCPTestClient.with(.init(limits: .init(maxSendWires: 2))) { peer in
            let name = try await peer.error("slip_receive", ["agent": "bob smith"])
            #expect(name["code"] == "invalid_name")
            #expect(name["message"]?.stringValue?.contains("bob smith") == true)
            #expect(try await peer.error("slip_join", ["group": "re/views", "agent": "bob"])["code"] == "invalid_name")
            #expect(try await peer.error("slip_ack", ["agent": "bob"])["argument"] == "through")
            #expect(try await peer.error("slip_ack", ["agent": "bob", "through": -1])["code"] == "invalid_argument")
            #expect(try await peer.error("slip_receive", ["agent": "bob", "wait_seconds": -1])["argument"] == "wait_seconds")
            #expect(try await peer.error("slip_receive", ["agent": "bob", "limit": 0])["argument"] == "limit")
            #expect(try await peer.error("slip_receive", ["agent": "bob", "ack": "yes"])["argument"] == "ack")
            #expect(try await peer.error("slip_send", [:])["code"] == "missing_argument")
            #expect(try await peer.error("slip_send", ["wire": "SLIP v1 a b MetaAck", "wires": []])["code"] == "invalid_argument")
            let many = try await peer.error("slip_send", ["wires": ["SLIP v1 a b MetaAck", "SLIP v1 a b MetaAck", "SLIP v1 a b MetaAck"]])
            #expect(many["code"] == "invalid_argument" && many["argument"] == "wires")
            #expect(try await peer.error("slip_send", ["wires": [42]])["argument"] == "wires")
        }
    }

    @Test func aSenderOverTheConfiguredRateIsRefusedWithARetryAfter() async throws {
        let configuration = HubConfiguration(rateLimit: .init(messagesPerSecond: 0.001, burst: 2))
        try await MCPTestClient.with(hub: Hub(store: InMemoryHubStore(), configuration: configuration)) { peer in
            let sent = try await peer.object(
                "slip_send", ["wires": ["SLIP v1 alice bob MetaAck", "SLIP v1 alice bob MetaAck", "SLIP v1 alice bob MetaAck"]])
            #expect(sent["accepted"] == 2 && sent["refused"] == 1)
            let error = try #require(sent["results"]?.arrayValue?.last?.objectValue?["error"]?.objectValue)
            #expect(error["code"] == "rate_limited")
            let retryAfter = error["retryAfter"].flatMap { $0.doubleValue ?? $0.intValue.map(Double.init) } ?? 0  // 1000 s may come as 1000
            #expect(retryAfter > 0)
        }
    }

    /// A wire refused for a rate whose wait fits the server's longest wait is sent again after it.
    @Test func aSenderOverARateItCanWaitOutIsSentAfterTheWait() async throws {
        let configuration = HubConfiguration(rateLimit: .init(messagesPerSecond: 4, burst: 1))
        try await MCPTestClient.with(hub: Hub(store: InMemoryHubStore(), configuration: configuration)) { peer in
            let sent = try await peer.object(
                "slip_send", ["wires": ["SLIP v1 alice bob MetaAck", "SLIP v1 alice bob MetaAck", "SLIP v1 alice bob MetaAck"]])
            #expect(sent["accepted"] == 3 && sent["refused"] == 0, "\(sent)")
        }
    }

    @Test func aWaitingReceiveDoesNotBlockTheSessionAndReturnsTheWireSentMeanwhile() async throws {
        // A long wait, for a machine whose test threads are all busy: the send wakes it at once.
        let patient = SlipstreamMCPServer.Configuration(hubConfiguration: HubConfiguration(maxWait: .seconds(600)))
        try await MCPTestClient.with(patient) { peer in
            let waiting: RequestContext<CallTool.Result> = try await peer.client.callTool(
                name: "slip_receive", arguments: ["agent": "bob", "wait_seconds": 600])
            // Other calls are answered while the receive waits; the send wakes it.
            #expect(try await peer.object("slip_members", ["group": "nobody"])["members"] == [])
            _ = try await peer.object("slip_send", ["wire": "SLIP v1 alice bob RequestReview auth_module"])
            let result = try await waiting.value
            let messages = try #require(result.structuredContent?.objectValue?["messages"]?.arrayValue)
            #expect(messages.first?.objectValue?["wire"] == "SLIP v1 alice bob RequestReview auth_module")
        }
    }

    @Test func aCancelledReceiveAcknowledgesNothing() async throws {
        try await MCPTestClient.with { peer in
            let waiting: RequestContext<CallTool.Result> = try await peer.client.callTool(
                name: "slip_receive", arguments: ["agent": "bob", "wait_seconds": 30])
            #expect(try await peer.object("slip_members", ["group": "nobody"])["members"] == [])
            try await peer.client.cancelRequest(waiting.requestID, reason: "test")
            await #expect(throws: CancellationError.self) { try await waiting.value }
            _ = try await peer.object("slip_send", ["wire": "SLIP v1 alice bob RequestReview auth_module"])
            let messages = try #require(try await peer.object("slip_receive", ["agent": "bob"])["messages"]?.arrayValue)
            #expect(messages.count == 1)
        }
    }

    @Test func aReceiveStillWaitingWhenTheClientDisconnectsIsAnsweredAsTheSessionEnds() async throws {
        let warnings = WarningLog()
        let configuration = SlipstreamMCPServer.Configuration(
            fallbackStore: .memory, hub: .store(.memory), hubConfiguration: HubConfiguration(maxWait: .seconds(86_400)),
            drainLimit: .seconds(10), logger: Logger(label: "test") { _ in warnings })
        try await Self.session(configuration) { client in
            let waiting: RequestContext<CallTool.Result> = try await client.callTool(
                name: "slip_receive", arguments: ["agent": "bob", "wait_seconds": 86_400])
            let members: RequestContext<CallTool.Result> = try await client.callTool(name: "slip_members", arguments: ["group": "g"])
            _ = try await members.value
            _ = waiting  // left waiting when the client disconnects
        }
        // Had the wait gone on, the session would have ended with the receive unanswered. (The SDK logs the
        // in-memory transport's closing as an error too.)
        #expect(!warnings.messages.contains { $0.contains("unanswered") }, "\(warnings.messages)")
    }

    /// Where the CLI and the server can share a hub: a SQLite file, and the PostgreSQL server of
    /// SLIPSTREAM_POSTGRES_URL when set.
    static var sharedStores: [StoreLocation] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-mcp-hub-\(UUID().uuidString).sqlite")
        let postgres = ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return [.file(file.path)] + (postgres.map { [.postgres($0)] } ?? [])
    }

    @Test(arguments: sharedStores)
    func theServerAndAnotherHubOnTheSameStoreShareTheMailboxes(_ location: StoreLocation) async throws {
        defer {
            if case .file(let path) = location {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let unique = UUID().uuidString.prefix(8).lowercased()
        let (alice, bob) = ("alice-\(unique)", "bob-\(unique)")
        let configuration = SlipstreamMCPServer.Configuration(fallbackStore: .memory, hub: .store(location))
        // Another process's hub (as `slipstream hub send`) on the same store, then the server.
        let id = try await location.withHubStore { try await Hub(store: $0).send("SLIP v1 \(alice) \(bob) RequestReview auth_module").id }
        let reply = "SLIP v1 \(bob) \(alice) InformComplete auth_module"
        try await Self.session(configuration) { client in
            let received: RequestContext<CallTool.Result> = try await client.callTool(
                name: "slip_receive", arguments: ["agent": .string(bob)])
            let messages = try #require(try await received.value.structuredContent?.objectValue?["messages"]?.arrayValue)
            #expect(messages.map { $0.objectValue?["id"] } == [.int(Int(id))])
            let sent: RequestContext<CallTool.Result> = try await client.callTool(name: "slip_send", arguments: ["wire": .string(reply)])
            #expect(try await sent.value.structuredContent?.objectValue?["accepted"] == 1)
        }
        try await location.withHubStore { (store: any HubStore) async throws in
            let hub = Hub(store: store)
            #expect(try await hub.receive(agent: bob).isEmpty)  // the server acknowledged it
            #expect(try await hub.receive(agent: alice).map(\.wire) == [reply])
        }
    }

    /// One client session against ``SlipstreamMCPServer/run(transport:)``, which opens the configured
    /// stores and returns when the client has disconnected and the session ended.
    private static func session(
        _ configuration: SlipstreamMCPServer.Configuration, _ body: (Client) async throws -> Void
    ) async throws {
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        try await serverTransport.connect()
        let running = Task { try await SlipstreamMCPServer(configuration: configuration).run(transport: serverTransport) }
        let client = Client(name: "slipstream-tests", version: "1.0")
        try await client.connect(transport: clientTransport)
        try await body(client)
        await client.disconnect()
        try await running.value
    }
}

/// A log handler that keeps the server's warnings (and worse).
private final class WarningLog: LogHandler, @unchecked Sendable {  // messages guarded by the lock
    private let lock = NSLock()
    private var kept: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .warning

    var messages: [String] { lock.withLock { kept } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { kept.append("\(event.message) \(event.metadata ?? [:])") }
    }
}
