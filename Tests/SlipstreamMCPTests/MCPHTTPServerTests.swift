import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SlipstreamHub
import SlipstreamMCP
import SlipstreamMCPHTTP
import SlipstreamSQLite
import SlipstreamStores
import Testing

/// `MCPHTTPServer` on a real socket, talked to with raw HTTP requests: sessions open, answer, close and
/// expire; the session limit, the token, the body limit and the Origin check refuse what they should.
/// (scripts/mcp_peer.py runs every tool through it with the official Python MCP client.)
struct MCPHTTPServerTests {
    static let initialize = #"""
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
        """#

    /// An answer: status, headers, body.
    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var session: String? { headers.first(name: "Mcp-Session-Id") }
    }

    /// A client of one server at `url`.
    struct Peer {
        let url: String
        var token: String? = nil

        func request(_ method: HTTPMethod, _ body: String? = nil, session: String? = nil, origin: String? = nil) async throws -> Answer {
            var request = HTTPClientRequest(url: url)
            request.method = method
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Accept", value: "application/json, text/event-stream")
            if let session {
                request.headers.add(name: "Mcp-Session-Id", value: session)
                request.headers.add(name: "MCP-Protocol-Version", value: "2025-06-18")
            }
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            if let origin { request.headers.add(name: "Origin", value: origin) }
            if let body { request.body = .bytes(ByteBuffer(string: body)) }
            let response = try await HTTPClient.shared.execute(request, timeout: .minutes(10))
            let bytes = try await response.body.collect(upTo: 16 << 20)
            return Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
        }

        func call(_ id: Int, _ tool: String, _ arguments: String, session: String) async throws -> Answer {
            try await request(
                .POST, #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(tool)","arguments":\#(arguments)}}"#,
                session: session)
        }
    }

    /// Runs `body` with a server of `configuration` (port 0) over an in-memory fallback store and `hub`,
    /// and a peer of it.
    static func withServer(
        _ configuration: MCPHTTPConfiguration = MCPHTTPConfiguration(), hub: StoreLocation = .memory,
        _ body: @Sendable (Peer) async throws -> Void
    ) async throws {
        var listening = configuration
        listening.port = 0
        let configuration = listening
        let mcp = SlipstreamMCPServer(configuration: .init(fallbackStore: .memory, hub: .store(hub)))
        try await mcp.withSessions { sessions in
            let (ports, port) = AsyncStream<Int>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await MCPHTTPServer(configuration: configuration).run(sessions: sessions) { port.yield($0) }
                }
                defer { group.cancelAll() }
                var running = ports.makeAsyncIterator()
                let number = try #require(await running.next())
                try await body(Peer(url: "http://127.0.0.1:\(number)\(configuration.path)", token: configuration.token))
            }
        }
    }

    @Test func aSessionOpensAnswersToolCallsAndClosesOnDelete() async throws {
        try await Self.withServer { peer in
            let opened = try await peer.request(.POST, Self.initialize)
            let session = try #require(opened.session)
            #expect(opened.status == 200 && opened.body.contains(#""serverInfo""#), "\(opened)")
            let decoded = try await peer.call(
                2, "slip_decode", #"{"wire":"SLIP v1 alice bob RequestReview auth_module"}"#, session: session)
            #expect(decoded.status == 200 && decoded.body.contains(#"\"anchor\":\"RequestReview\""#), "\(decoded.body)")
            #expect(try await peer.request(.DELETE, session: session).status == 200)
            let closed = try await peer.call(3, "slip_anchors", "{}", session: session)
            #expect(closed.status == 404 && closed.body.contains("no open session \(session)"), "\(closed.body)")
            let unknown = try await peer.request(.POST, #"{"jsonrpc":"2.0","id":4,"method":"ping"}"#)
            #expect(unknown.status == 400 && unknown.body.contains("not an initialize request"), "\(unknown.body)")
        }
    }

    @Test func aSessionBeyondTheLimitIsRefusedUntilOneCloses() async throws {
        try await Self.withServer(MCPHTTPConfiguration(maxSessions: 1)) { peer in
            let first = try #require(try await peer.request(.POST, Self.initialize).session)
            let refused = try await peer.request(.POST, Self.initialize)
            #expect(refused.status == 503 && refused.body.contains("1 sessions are open, the most this server keeps"), "\(refused.body)")
            #expect(try await peer.request(.DELETE, session: first).status == 200)
            #expect(try await peer.request(.POST, Self.initialize).status == 200)
        }
    }

    /// With room for one session, a new one is refused while the idle one is open and opens once it has
    /// been closed; the idle one's id is then unknown.
    @Test func anIdleSessionIsClosed() async throws {
        try await Self.withServer(MCPHTTPConfiguration(maxSessions: 1, sessionIdleTimeout: .milliseconds(200))) { peer in
            let idle = try #require(try await peer.request(.POST, Self.initialize).session)
            let deadline = ContinuousClock.now + .seconds(600)
            var next = try await peer.request(.POST, Self.initialize)
            while next.status == 503, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                next = try await peer.request(.POST, Self.initialize)
            }
            #expect(next.status == 200)
            #expect(try await peer.call(2, "slip_anchors", "{}", session: idle).status == 404)
        }
    }

    @Test func aRequestWithoutTheTokenIsRefused() async throws {
        try await Self.withServer(MCPHTTPConfiguration(token: "s3cret")) { peer in
            var stranger = peer
            stranger.token = nil
            let refused = try await stranger.request(.POST, Self.initialize)
            #expect(refused.status == 401 && refused.headers.first(name: "WWW-Authenticate") == "Bearer", "\(refused)")
            stranger.token = "wrong"
            #expect(try await stranger.request(.POST, Self.initialize).status == 401)
            #expect(try await peer.request(.POST, Self.initialize).status == 200)
        }
    }

    /// With agent tokens, a session opened with alice's token sends, reads and joins only as alice, and
    /// only alice's token may use it; the admin token still acts as anyone.
    @Test func aSessionOpenedWithAnAgentTokenActsOnlyAsThatAgent() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-hub-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let hub = Hub(store: try SQLiteHubStore(path: path))
        let alice = try await hub.issueToken(for: "alice").secret
        let bob = try await hub.issueToken(for: "bob").secret
        try await Self.withServer(MCPHTTPConfiguration(token: "s3cret", agentTokens: true), hub: .file(path)) { admin in
            var peer = admin
            peer.token = alice
            let session = try #require(try await peer.request(.POST, Self.initialize).session)
            let own = try await peer.call(2, "slip_send", #"{"wire":"SLIP v1 alice bob MetaAck"}"#, session: session)
            #expect(own.body.contains(#"\"recipients\":[\"bob\"]"#), "\(own.body)")
            let other = try await peer.call(3, "slip_send", #"{"wire":"SLIP v1 bob alice MetaAck"}"#, session: session)
            #expect(other.body.contains(#"\"code\":\"forbidden\""#) && other.body.contains("sends only as itself"), "\(other.body)")
            let mailbox = try await peer.call(4, "slip_receive", #"{"agent":"bob"}"#, session: session)
            #expect(mailbox.body.contains("cannot read the mailbox of"), "\(mailbox.body)")
            let join = try await peer.call(5, "slip_join", #"{"group":"team","agent":"bob"}"#, session: session)
            #expect(join.body.contains("cannot add"), "\(join.body)")

            peer.token = bob
            let borrowed = try await peer.call(6, "slip_anchors", "{}", session: session)
            #expect(borrowed.status == 403 && borrowed.body.contains("was opened with the token of agent"), "\(borrowed.body)")
            peer.token = "slip_unknown"
            #expect(try await peer.request(.POST, Self.initialize).status == 401)

            let opened = try #require(try await admin.request(.POST, Self.initialize).session)
            let received = try await admin.call(7, "slip_receive", #"{"agent":"bob"}"#, session: opened)
            #expect(received.body.contains("SLIP v1 alice bob MetaAck"), "\(received.body)")
        }
    }

    @Test func anOverLongBodyAndAForeignOriginAreRefused() async throws {
        try await Self.withServer(MCPHTTPConfiguration(maxBodyBytes: 1000)) { peer in
            let long = try await peer.request(.POST, Self.initialize + String(repeating: " ", count: 1000))
            #expect(long.status == 413, "\(long)")
            let foreign = try await peer.request(.POST, Self.initialize, origin: "http://evil.example")
            #expect(foreign.status == 403, "\(foreign)")
        }
    }
}
