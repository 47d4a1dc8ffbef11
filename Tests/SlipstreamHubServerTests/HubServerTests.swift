import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import ServiceLifecycle
import SlipstreamCore
import SlipstreamHub
import SlipstreamHubClient
import SlipstreamHubServer
import SlipstreamPostgres
import SlipstreamSQLite
import SlipstreamTestSupport
import Testing

/// The HTTP API through HummingbirdTesting's router (no sockets), then the client against live servers.
@Suite struct HubRouteTests {
    static func app(_ configuration: HubServerConfiguration = HubServerConfiguration()) -> some ApplicationProtocol {
        buildHubApplication(configuration: configuration, store: InMemoryHubStore())
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    static func results(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try object(response)["results"] as? [[String: Any]])
    }

    static func messages(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try object(response)["messages"] as? [[String: Any]])
    }

    static func errorCode(_ response: TestResponse) throws -> String? {
        (try object(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func postingLinesAnswersAResultPerLineAnd422WhenOneIsRefused() async throws {
        try await Self.app().test(.router) { client in
            let good = "SLIP v1 alice bob RequestReview auth_module\n\nSLIP v3 alice bob Inform Complete\r\n"
            let accepted = try await client.execute(uri: "/v1/messages", method: .post, body: ByteBuffer(string: good))
            #expect(accepted.status == .ok)
            #expect(try Self.results(accepted).map { $0["line"] as? Int } == [1, 3])
            #expect(try Self.results(accepted).map { $0["recipients"] as? [String] } == [["bob"], ["bob"]])

            let mixed = "SLIP v1 alice bob MetaAck\nSLIP v1 a b RequestTask x:y\n"
            let refused = try await client.execute(uri: "/v1/messages", method: .post, body: ByteBuffer(string: mixed))
            #expect(refused.status == .unprocessableContent)
            let results = try Self.results(refused)
            #expect(results[0]["id"] as? Int != nil)
            let error = try #require(results[1]["error"] as? [String: Any])
            #expect(error["code"] as? String == "invalid_wire" && error["offset"] as? Int == 24)
            #expect((error["wireError"] as? [String: Any])?["code"] as? String == "invalid_payload_token")

            // The accepted lines of both requests were stored.
            let received = try await client.execute(uri: "/v1/agents/bob/messages", method: .get)
            #expect(received.status == .ok)
            let messages = try Self.messages(received)
            #expect(messages.count == 3)
            for key in ["id", "src", "dst", "wire", "sentAt"] { #expect(messages[0][key] != nil, "missing \(key)") }
        }
    }

    @Test func receivingAcknowledgingAndGroupsGoThroughTheirRoutes() async throws {
        try await Self.app().test(.router) { client in
            for agent in ["alice", "bob", "carol"] {
                #expect(try await client.execute(uri: "/v1/groups/team/members/\(agent)", method: .put).status == .ok)
            }
            let left = try await client.execute(uri: "/v1/groups/team/members/carol", method: .delete)
            #expect(try Self.object(left)["members"] as? [String] == ["alice", "bob"])
            let listed = try await client.execute(uri: "/v1/groups/team/members", method: .get)
            #expect(try Self.object(listed)["members"] as? [String] == ["alice", "bob"])

            var ids: [Int] = []
            for i in 0..<3 {
                let sent = try await client.execute(
                    uri: "/v1/messages", method: .post, body: ByteBuffer(string: "SLIP v1 alice team InformStatus s\(i)"))
                let result = try #require(try Self.results(sent).first)
                #expect(result["recipients"] as? [String] == ["bob"])
                ids.append(try #require(result["id"] as? Int))
            }
            let firstTwo = try await client.execute(uri: "/v1/agents/bob/messages?limit=2&wait=0", method: .get)
            #expect(try Self.messages(firstTwo).map { $0["id"] as? Int } == [ids[0], ids[1]])
            let afterSecond = try await client.execute(uri: "/v1/agents/bob/messages?after=\(ids[1])", method: .get)
            #expect(try Self.messages(afterSecond).count == 1)

            let ack = try await client.execute(
                uri: "/v1/agents/bob/ack", method: .post, body: ByteBuffer(string: #"{"through": \#(ids[1])}"#))
            #expect(ack.status == .ok)
            #expect(try Self.object(ack)["through"] as? Int == ids[1])
            let rest = try await client.execute(uri: "/v1/agents/bob/messages", method: .get)
            #expect(try Self.messages(rest).map { $0["id"] as? Int } == [ids[2]])
            let alice = try await client.execute(uri: "/v1/agents/alice/messages", method: .get)
            #expect(try Self.messages(alice).isEmpty)
        }
    }

    @Test(arguments: [
        ("/v1/agents/bob/messages?limit=0", "invalid_request"),
        ("/v1/agents/bob/messages?after=soon", "invalid_request"),
        ("/v1/agents/bob/messages?wait=-1", "invalid_request"),
        ("/v1/agents/bob%20smith/messages", "invalid_name"),
    ])
    func badRequestsAreRefusedWithTheirCode(_ uri: String, _ code: String) async throws {
        try await Self.app().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(try Self.errorCode(response) == code)
        }
    }

    @Test func anAcknowledgementNeedsAJSONBodyWithAnId() async throws {
        try await Self.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/agents/bob/ack", method: .post, body: ByteBuffer(string: "through 5"))
            #expect(response.status == .badRequest)
            #expect(try Self.errorCode(response) == "invalid_request")
        }
    }

    @Test func aSenderOverItsRateGets429WithRetryAfter() async throws {
        let configuration = HubServerConfiguration(hub: HubConfiguration(rateLimit: .init(messagesPerSecond: 0.01, burst: 2)))
        try await Self.app(configuration).test(.router) { client in
            let lines = String(repeating: "SLIP v1 alice bob MetaAck\n", count: 3)
            let response = try await client.execute(uri: "/v1/messages", method: .post, body: ByteBuffer(string: lines))
            #expect(response.status == .tooManyRequests)
            let retry = try #require(response.headers[.retryAfter].flatMap { Int($0) })
            #expect(retry > 0 && retry <= 100)
            let results = try Self.results(response)
            #expect(results.filter { $0["id"] != nil }.count == 2)
            #expect((results[2]["error"] as? [String: Any])?["code"] as? String == "rate_limited")
        }
    }

    @Test func aSendToAFullMailboxGets507AndTheStatsRouteShowsWhoIsBehind() async throws {
        let configuration = HubServerConfiguration(hub: HubConfiguration(maxPending: 2), token: "s3cret")
        let auth: HTTPFields = [.authorization: "Bearer s3cret"]
        try await Self.app(configuration).test(.router) { client in
            #expect(try await client.execute(uri: "/v1/stats", method: .get).status == .unauthorized)
            let lines = "SLIP v1 alice bob MetaAck\nSLIP v1 alice carol MetaAck\nSLIP v1 alice bob MetaAck\nSLIP v1 alice bob MetaAck\n"
            let response = try await client.execute(uri: "/v1/messages", method: .post, headers: auth, body: ByteBuffer(string: lines))
            #expect(response.status.code == 507 && response.headers[.retryAfter] == nil)
            let results = try Self.results(response)
            #expect(results.map { $0["id"] != nil } == [true, true, true, false])
            let error = try #require(results[3]["error"] as? [String: Any])
            #expect(error["code"] as? String == "mailbox_full")
            #expect((error["message"] as? String)?.contains("\"bob\" is full: 2 unacknowledged messages, the limit is 2") == true)

            let ack = try await client.execute(
                uri: "/v1/agents/carol/ack", method: .post, headers: auth, body: ByteBuffer(string: #"{"through": 100}"#))
            #expect(ack.status == .ok)
            let stats = try await client.execute(uri: "/v1/stats", method: .get, headers: auth)
            #expect(stats.status == .ok)
            let object = try Self.object(stats)
            #expect(object["messages"] as? Int == 2 && object["pendingDeliveries"] as? Int == 2 && object["groups"] as? Int == 0)
            #expect(object["maxPending"] as? Int == 2)
            let mailboxes = try #require(object["mailboxes"] as? [[String: Any]])
            #expect(mailboxes.map { $0["recipient"] as? String } == ["bob", "carol"])
            #expect(mailboxes.map { $0["pending"] as? Int } == [2, 0])
            #expect(mailboxes.map { $0["ackedThrough"] as? Int } == [0, 2])
            #expect(mailboxes[0]["oldestPendingId"] as? Int == 1 && mailboxes[0]["oldestPendingAge"] as? Double != nil)
            #expect(mailboxes[1]["oldestPendingId"] is NSNull)
        }
    }

    /// `GET /metrics`: Prometheus's text format, the admin's only: the server's counts since it started
    /// (lines accepted, refused by code, messages delivered, responses by status) and the store's state.
    @Test func theMetricsRouteCountsLinesDeliveriesAndResponsesAndShowsTheMailboxes() async throws {
        let store = InMemoryHubStore()
        let alice = try await Hub(store: store).issueToken(for: "alice").secret
        let app = buildHubApplication(
            configuration: HubServerConfiguration(hub: HubConfiguration(maxPending: 5), token: "s3cret"), store: store)
        let auth: HTTPFields = [.authorization: "Bearer s3cret"]
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
            #expect(
                try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(alice)"]).status == .forbidden)
            let lines = "SLIP v1 alice bob MetaAck\nSLIP v1 alice carol MetaAck\nSLIP v1 alice bob Nope\nSLIP v1 alice bob MetaAck\n"
            _ = try await client.execute(uri: "/v1/messages", method: .post, headers: auth, body: ByteBuffer(string: lines))
            _ = try await client.execute(uri: "/v1/agents/carol/messages", method: .get, headers: auth)
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: auth)
            #expect(metrics.status == .ok && metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: metrics.body)
            for sample in [
                "slipstream_hub_lines_accepted_total 3", #"slipstream_hub_lines_refused_total{code="invalid_wire"} 1"#,
                "slipstream_hub_messages_delivered_total 1", #"slipstream_hub_http_responses_total{status="401"} 1"#,
                #"slipstream_hub_http_responses_total{status="403"} 1"#, #"slipstream_hub_http_responses_total{status="422"} 1"#,
                "slipstream_hub_messages_stored 3", "slipstream_hub_pending_deliveries 3", "slipstream_hub_max_pending 5",
                #"slipstream_hub_mailbox_pending{agent="bob"} 2"#, #"slipstream_hub_mailbox_pending{agent="carol"} 1"#,
                "# TYPE slipstream_hub_lines_accepted_total counter", "# TYPE slipstream_hub_mailbox_pending gauge",
            ] {
                #expect(text.split(separator: "\n").contains(Substring(sample)), "no \(sample) in:\n\(text)")
            }
            #expect(text.contains(#"slipstream_hub_mailbox_oldest_pending_age_seconds{agent="bob"} "#), "\(text)")
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await Self.app(HubServerConfiguration(maxBodyBytes: 100)).test(.router) { client in
            let lines = String(repeating: "SLIP v1 alice bob MetaAck\n", count: 10)
            let response = try await client.execute(uri: "/v1/messages", method: .post, body: ByteBuffer(string: lines))
            #expect(response.status == .contentTooLarge)
            #expect(try Self.errorCode(response) == "body_too_large")
        }
    }

    @Test func withATokenOnlyTheHealthCheckIsOpen() async throws {
        try await Self.app(HubServerConfiguration(token: "s3cret")).test(.router) { client in
            #expect(try await client.execute(uri: "/v1/health", method: .get).status == .ok)
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong"], [.authorization: "s3cret"]] {
                let response = try await client.execute(uri: "/v1/agents/bob/messages", method: .get, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(try Self.errorCode(response) == "unauthorized")
            }
            let authorized = try await client.execute(
                uri: "/v1/agents/bob/messages", method: .get, headers: [.authorization: "Bearer s3cret"])
            #expect(authorized.status == .ok)
        }
    }
}

/// Real servers on loopback sockets, talked to through ``HubClient``.
@Suite struct HubClientTests {
    /// Runs the hub server over `store` on a free port while `body` runs with its URL (https with TLS).
    static func withServer(
        store: any HubStore, configuration: HubServerConfiguration = HubServerConfiguration(port: 0),
        _ body: @Sendable (String) async throws -> Void
    ) async throws {
        let (ports, port) = AsyncStream<Int>.makeStream()
        let app = buildHubApplication(configuration: configuration, store: store) { port.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let bound = try #require(await iterator.next())
            try await body("\(configuration.scheme)://127.0.0.1:\(bound)")
        }
    }

    @Test func theClientSendsReceivesAcknowledgesAndGetsTheServersErrors() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let configuration = HubServerConfiguration(
            port: 0, hub: HubConfiguration(rateLimit: .init(messagesPerSecond: 0.01, burst: 2)), token: "s3cret")
        try await Self.withServer(store: try SQLiteHubStore(path: path), configuration: configuration) { url in
            let hub = try HubClient(url: url, token: "s3cret", timeout: .seconds(600))
            #expect(await hub.isHealthy())
            try await hub.join(group: "team", agent: "bob")
            try await hub.join(group: "team", agent: "carol")
            #expect(try await hub.members(of: "team") == ["bob", "carol"])
            let receipt = try await hub.send("SLIP v1 alice team RequestReview auth_module")
            #expect(receipt.recipients == ["bob", "carol"])
            let messages = try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .zero)
            #expect(messages.map(\.wire) == ["SLIP v1 alice team RequestReview auth_module"])
            #expect(messages.first?.dst == "team" && messages.first?.id == receipt.id)
            #expect(try await hub.acknowledge(agent: "bob", through: receipt.id) == receipt.id)
            #expect(try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .zero).isEmpty)
            try await hub.leave(group: "team", agent: "carol")
            #expect(try await hub.members(of: "team") == ["bob"])

            let refused = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob RequestTask x:y") }
            #expect(refused.code == .invalidWire && refused.offset == 30 && refused.wireError?.code == .invalidPayloadToken, "\(refused)")
            _ = try await hub.send("SLIP v1 alice bob MetaAck")
            let limited = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob MetaAck") }
            #expect(limited.code == .rateLimited && limited.retryAfter != nil)

            let stats = try await hub.stats()
            #expect(stats.mailboxes.map(\.recipient) == ["bob", "carol"] && stats.mailboxes.map(\.pending) == [1, 1])
            #expect(stats.mailboxes.first?.ackedThrough == receipt.id && stats.maxPending == HubConfiguration.defaultMaxPending)

            let stranger = try HubClient(url: url, timeout: .seconds(600))
            let unauthorized = try await #require(throws: HubError.self) { try await stranger.members(of: "team") }
            #expect(unauthorized.code == .unauthorized)
        }
    }

    /// Nothing listens on port 1: the error says so (with the default timeout, which the client does not
    /// spend retrying the connection).
    @Test func anUnreachableServerIsATransportErrorNamingIt() async throws {
        let hub = try HubClient(url: "http://127.0.0.1:1")
        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob MetaAck") }
        #expect(error.code == .transport && error.message.contains("http://127.0.0.1:1/v1/messages"))
        #expect(error.message.contains("nothing is listening there (connection refused"), "\(error)")
        #expect(throws: HubError.self) { try HubClient(url: "ftp://example") }
    }

    /// A server shutting down (SIGINT or SIGTERM: a graceful shutdown of its service group) answers a receive
    /// waiting on it with what is there, instead of waiting it out (up to an hour here) before it stops.
    @Test func shuttingDownAnswersTheReceivesWaitingOnIt() async throws {
        let store = InMemoryHubStore()
        let (ports, port) = AsyncStream<Int>.makeStream()
        let app = buildHubApplication(
            configuration: HubServerConfiguration(port: 0, hub: HubConfiguration(maxWait: .seconds(3600))), store: store
        ) { port.yield($0) }
        let group = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: Logger(label: "test")))
        async let running: Void = group.run()
        var iterator = ports.makeAsyncIterator()
        let hub = try HubClient(url: "http://127.0.0.1:\(try #require(await iterator.next()))", timeout: .seconds(600))
        async let received = hub.receive(agent: "bob", after: 0, limit: nil, wait: .seconds(3600))
        let deadline = ContinuousClock.now + .seconds(600)
        while !store.hasWaitingReceivers, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        await group.triggerGracefulShutdown()
        #expect(try await received.isEmpty)
        try await running
    }

    /// A server that takes the connection and never answers: the error says how long the client waited
    /// and that this is its timeout.
    @Test func aServerThatNeverAnswersIsATransportErrorNamingTheTimeout() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let hub = try HubClient(url: "http://127.0.0.1:\(silent.port)", timeout: .milliseconds(200))
        let error = try await #require(throws: HubError.self) { try await hub.members(of: "team") }
        #expect(error.code == .transport && error.message.contains("/v1/groups/team/members"), "\(error)")
        #expect(error.message.contains("no answer within 0.2 s (the client's timeout"), "\(error)")
    }

    /// Two hub servers, each with its own client of one PostgreSQL database (as on two machines): a
    /// receiver long-polling through one wakes on a send through the other (the PostgreSQL NOTIFY; the
    /// waiting store polls only hourly).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"] != nil, "needs a PostgreSQL server"))
    func twoServersOnOnePostgreSQLDatabaseShareTheMailboxes() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"])
        let prefix = "hub_live_" + UUID().uuidString.lowercased().prefix(8)
        try await PostgresHubStore.withStore(url: url, prefix: prefix, pollInterval: .seconds(3600)) { first in
            try await PostgresHubStore.withStore(url: url, prefix: prefix, pollInterval: .seconds(3600)) { second in
                // Long waits, for a machine whose test threads are all busy: the message comes at once.
                let patient = HubServerConfiguration(port: 0, hub: HubConfiguration(maxWait: .seconds(600)))
                try await Self.withServer(store: first, configuration: patient) { receiving in
                    try await Self.withServer(store: second) { sending in
                        let receiver = try HubClient(url: receiving, timeout: .seconds(600))
                        async let received = receiver.receive(agent: "bob", after: 0, limit: nil, wait: .seconds(600))
                        let receipt = try await HubClient(url: sending, timeout: .seconds(600)).send(
                            "SLIP v3 alice bob Request Review authModule")
                        let messages = try await received
                        #expect(messages.map(\.id) == [receipt.id])
                        #expect(messages.first?.wire == "SLIP v3 alice bob Request Review authModule")
                    }
                }
            }
            try await first.client.query("DROP TABLE \(unescaped: first.tables.joined(separator: ", "))")
        }
    }
}
