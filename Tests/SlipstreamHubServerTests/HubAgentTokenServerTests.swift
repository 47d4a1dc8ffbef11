import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import SlipstreamCore
import SlipstreamHub
import SlipstreamHubClient
import SlipstreamHubServer
import SlipstreamPostgres
import SlipstreamSQLite
import Testing

/// Agent tokens on the hub server: through HummingbirdTesting's router, then real servers through ``HubClient``.
@Suite struct HubAgentTokenRouteTests {
    /// A store with a token for alice, and alice's secret.
    static func storeWithAlice() async throws -> (InMemoryHubStore, String) {
        let store = InMemoryHubStore()
        return (store, try await Hub(store: store).issueToken(for: "alice").secret)
    }

    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }

    @Test func anAgentTokensLinesFromAnotherSrcAreRefusedOneByOneWith403() async throws {
        let (store, alice) = try await Self.storeWithAlice()
        let app = buildHubApplication(configuration: HubServerConfiguration(token: "s3cret"), store: store)
        try await app.test(.router) { client in
            let lines = "SLIP v1 alice bob MetaAck\nSLIP v1 bob carol MetaAck\nSLIP v3 alice carol Inform Complete\n"
            let response = try await client.execute(
                uri: "/v1/messages", method: .post, headers: Self.bearer(alice), body: ByteBuffer(string: lines))
            #expect(response.status == .forbidden)
            let results = try HubRouteTests.results(response)
            #expect(results.map { $0["line"] as? Int } == [1, 2, 3])
            #expect(results[0]["id"] as? Int != nil && results[2]["id"] as? Int != nil)
            let error = try #require(results[1]["error"] as? [String: Any])
            #expect(error["code"] as? String == "forbidden")
            #expect((error["message"] as? String)?.contains(#"src "bob" is not "alice""#) == true, "\(error)")

            // A forbidden line outranks an invalid one; the admin token sends as anyone.
            let mixed = "SLIP v1 alice bob RequestTask x:y\nSLIP v1 bob carol MetaAck\n"
            let worse = try await client.execute(
                uri: "/v1/messages", method: .post, headers: Self.bearer(alice), body: ByteBuffer(string: mixed))
            #expect(worse.status == .forbidden)
            let admin = try await client.execute(
                uri: "/v1/messages", method: .post, headers: Self.bearer("s3cret"), body: ByteBuffer(string: "SLIP v1 bob carol MetaAck"))
            #expect(admin.status == .ok)
        }
    }

    @Test func anAgentTokenReadsAcknowledgesJoinsAndLeavesOnlyAsItsAgent() async throws {
        let (store, alice) = try await Self.storeWithAlice()
        let app = buildHubApplication(configuration: HubServerConfiguration(agentTokens: true), store: store)
        try await app.test(.router) { client in
            let allowed: [(String, HTTPRequest.Method, String?)] = [
                ("/v1/agents/alice/messages", .get, nil), ("/v1/agents/alice/ack", .post, #"{"through": 0}"#),
                ("/v1/groups/team/members/alice", .put, nil), ("/v1/groups/team/members/alice", .delete, nil),
                ("/v1/groups/team/members", .get, nil),
            ]
            for (uri, method, body) in allowed {
                let response = try await client.execute(
                    uri: uri, method: method, headers: Self.bearer(alice), body: body.map { ByteBuffer(string: $0) })
                #expect(response.status == .ok, "\(method) \(uri)")
            }
            let forbidden: [(String, HTTPRequest.Method, String?, String)] = [
                ("/v1/agents/bob/messages", .get, nil, #"cannot read the mailbox of "bob""#),
                ("/v1/agents/bob/ack", .post, #"{"through": 5}"#, #"cannot acknowledge the messages of "bob""#),
                ("/v1/groups/team/members/bob", .put, nil, #"cannot add "bob" to the group "team""#),
                ("/v1/groups/team/members/bob", .delete, nil, #"cannot remove "bob" from the group "team""#),
                ("/v1/stats", .get, nil, "cannot read the hub's stats"),
            ]
            for (uri, method, body, message) in forbidden {
                let response = try await client.execute(
                    uri: uri, method: method, headers: Self.bearer(alice), body: body.map { ByteBuffer(string: $0) })
                #expect(response.status == .forbidden, "\(method) \(uri)")
                let error = try #require(try HubRouteTests.object(response)["error"] as? [String: Any])
                #expect(error["code"] as? String == "forbidden")
                #expect((error["message"] as? String)?.contains(#"the token of agent "alice" \#(message)"#) == true, "\(error)")
            }
            // Agent tokens only: no token, or an unknown one, is 401; the health check stays open.
            #expect(try await client.execute(uri: "/v1/health", method: .get).status == .ok)
            for headers: HTTPFields in [[:], Self.bearer("slip_unknown"), Self.bearer("")] {
                let response = try await client.execute(uri: "/v1/groups/team/members", method: .get, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(try HubRouteTests.errorCode(response) == "unauthorized")
            }
        }
    }

    /// A server without --token or --agent-tokens checks no token, as before: any request acts as any agent.
    @Test func aServerThatChecksNoTokenLetsEveryRequestActAsAnyAgent() async throws {
        let (store, alice) = try await Self.storeWithAlice()
        try await buildHubApplication(configuration: HubServerConfiguration(), store: store).test(.router) { client in
            for headers: HTTPFields in [[:], Self.bearer(alice), Self.bearer("anything")] {
                let response = try await client.execute(
                    uri: "/v1/messages", method: .post, headers: headers, body: ByteBuffer(string: "SLIP v1 bob carol MetaAck"))
                #expect(response.status == .ok)
                #expect(try await client.execute(uri: "/v1/agents/carol/messages", method: .get, headers: headers).status == .ok)
            }
        }
    }

    @Test func agentTokensAloneNeedTLSOffLoopbackAsATokenDoes() {
        #expect(HubServerConfiguration(host: "0.0.0.0", agentTokens: true).exposesTokenInClearText)
        #expect(!HubServerConfiguration(host: "127.0.0.1", agentTokens: true).exposesTokenInClearText)
        #expect(!HubServerConfiguration(host: "0.0.0.0").exposesTokenInClearText)
        #expect(HubServerConfiguration(agentTokens: true).checksTokens && !HubServerConfiguration().checksTokens)
    }
}

/// Real servers on loopback sockets, with agent tokens issued in their store.
@Suite struct HubAgentTokenClientTests {
    @Test func aliceActsAsAliceOnlyARevokedTokenIs401AndTheAdminTokenIsUnchanged() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // The operator issues the token on the store, as `hub token issue --store` does from another process.
        let operatorHub = Hub(store: try SQLiteHubStore(path: path))
        let (token, secret) = try await operatorHub.issueToken(for: "alice")
        let configuration = HubServerConfiguration(port: 0, token: "s3cret")
        try await HubClientTests.withServer(store: try SQLiteHubStore(path: path), configuration: configuration) { url in
            let alice = try HubClient(url: url, token: secret, timeout: .seconds(600))
            let admin = try HubClient(url: url, token: "s3cret", timeout: .seconds(600))

            let sent = try await alice.send("SLIP v1 alice bob RequestReview auth_module")
            #expect(sent.recipients == ["bob"])
            let impersonating = try await #require(throws: HubError.self) {
                try await alice.send("SLIP v1 bob alice RequestReview auth_module")
            }
            #expect(impersonating.code == .forbidden && impersonating.message.contains("\"bob\""), "\(impersonating)")
            let reading = try await #require(throws: HubError.self) {
                try await alice.receive(agent: "bob", after: 0, limit: nil, wait: .zero)
            }
            #expect(reading.code == .forbidden)
            let acknowledging = try await #require(throws: HubError.self) { try await alice.acknowledge(agent: "bob", through: sent.id) }
            #expect(acknowledging.code == .forbidden)
            let joining = try await #require(throws: HubError.self) { try await alice.join(group: "team", agent: "bob") }
            #expect(joining.code == .forbidden)
            try await alice.join(group: "team", agent: "alice")
            #expect(try await alice.members(of: "team") == ["alice"])

            // The admin token: any agent, as before.
            try await admin.join(group: "team", agent: "bob")
            let messages = try await admin.receive(agent: "bob", after: 0, limit: nil, wait: .zero)
            #expect(messages.map(\.id) == [sent.id])
            #expect(try await admin.acknowledge(agent: "bob", through: sent.id) == sent.id)
            let fromBob = try await admin.send("SLIP v3 bob team Inform Complete")
            #expect(fromBob.recipients == ["alice"])
            let own = try await alice.receive(agent: "alice", after: 0, limit: nil, wait: .zero)
            #expect(own.map(\.id) == [fromBob.id])
            #expect(try await alice.acknowledge(agent: "alice", through: fromBob.id) == fromBob.id)

            // Revoked on the store: refused from the next request on.
            #expect(try await operatorHub.revokeTokens(token.id) == [token])
            let revoked = try await #require(throws: HubError.self) { try await alice.send("SLIP v1 alice bob MetaAck") }
            #expect(revoked.code == .unauthorized)
            let unknown = try await #require(throws: HubError.self) {
                try await HubClient(url: url, token: "slip_0", timeout: .seconds(600)).members(of: "team")
            }
            #expect(unknown.code == .unauthorized)
            #expect(try await admin.members(of: "team") == ["alice", "bob"])
        }
    }

    /// Two servers, each with its own client of one PostgreSQL database (as on two machines), with agent
    /// tokens only: a token issued on the store works on both; revoked, on neither.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"] != nil, "needs a PostgreSQL server"))
    func serversOnOnePostgreSQLDatabaseShareTheTokens() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"])
        let prefix = "hub_tokens_" + UUID().uuidString.lowercased().prefix(8)
        let configuration = HubServerConfiguration(port: 0, agentTokens: true)
        try await PostgresHubStore.withStore(url: url, prefix: prefix) { first in
            try await PostgresHubStore.withStore(url: url, prefix: prefix) { second in
                let (token, secret) = try await Hub(store: first).issueToken(for: "alice")
                try await HubClientTests.withServer(store: first, configuration: configuration) { one in
                    try await HubClientTests.withServer(store: second, configuration: configuration) { other in
                        for server in [one, other] {
                            let alice = try HubClient(url: server, token: secret, timeout: .seconds(600))
                            #expect(try await alice.send("SLIP v1 alice bob MetaAck").recipients == ["bob"])
                            let forbidden = try await #require(throws: HubError.self) { try await alice.send("SLIP v1 bob alice MetaAck") }
                            #expect(forbidden.code == .forbidden)
                        }
                        try await Hub(store: second).revokeTokens("alice")
                        for server in [one, other] {
                            let error = try await #require(throws: HubError.self) {
                                try await HubClient(url: server, token: secret, timeout: .seconds(600)).send("SLIP v1 alice bob MetaAck")
                            }
                            #expect(error.code == .unauthorized, "\(token.id) on \(server)")
                        }
                    }
                }
            }
            try await first.client.query("DROP TABLE \(unescaped: first.tables.joined(separator: ", "))")
        }
    }
}
