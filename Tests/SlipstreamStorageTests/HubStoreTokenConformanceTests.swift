import Foundation
import PostgresNIO
import SlipstreamCore
import SlipstreamHub
import SlipstreamPostgres
import Testing

/// Agent tokens in every ``HubStore`` (in memory, a SQLite file, the PostgreSQL server of
/// $SLIPSTREAM_POSTGRES_URL), through the storage of ``HubStoreConformanceTests``: issued on one instance,
/// known and revoked on every other.
@Suite struct HubStoreTokenConformanceTests {
    typealias Kind = HubStoreConformanceTests.Kind

    @Test(arguments: HubStoreConformanceTests.kinds)
    func anIssuedTokenIsFoundByItsSecretAndListedWithoutIt(_ kind: Kind) async throws {
        try await HubStoreConformanceTests.withStore(kind) { store in
            let hub = Hub(store: store)
            let (alice, aliceSecret) = try await hub.issueToken(for: "alice")
            let (bob, bobSecret) = try await hub.issueToken(for: "bob")
            #expect(alice.agent == "alice" && bob.agent == "bob" && alice.id != bob.id)
            #expect(aliceSecret != bobSecret && aliceSecret.hasPrefix("slip_") && aliceSecret.utf8.count == 69)
            #expect(alice.id.hasPrefix("tok_") && Hub.isValidName(alice.id))

            #expect(try await hub.authenticate(aliceSecret) == alice)
            #expect(try await hub.authenticate(bobSecret) == bob)
            #expect(try await hub.authenticate("slip_" + String(repeating: "0", count: 64)) == nil)
            #expect(try await hub.authenticate("") == nil)
            // What the store keeps is no token.
            #expect(try await hub.authenticate(HubAgentToken.hash(of: aliceSecret)) == nil)

            #expect(try await hub.tokens() == HubAgentToken.oldestFirst([alice, bob]))
            let listed = try await hub.tokens().map(\.json.compactText).joined()
            #expect(!listed.contains(aliceSecret) && !listed.contains(bobSecret))
            #expect(listed.contains("\"createdAt\":\"") && listed.contains(alice.id))
        }
    }

    @Test(arguments: HubStoreConformanceTests.kinds)
    func aRevokedTokenIsRefusedByEveryInstanceAndRevokingAnAgentRevokesAllItsTokens(_ kind: Kind) async throws {
        try await HubStoreConformanceTests.withStorage(kind) { storage in
            let issued = try await storage.withInstance { store in
                let hub = Hub(store: store)
                return [
                    try await hub.issueToken(for: "alice"), try await hub.issueToken(for: "alice"), try await hub.issueToken(for: "bob"),
                ]
            }
            try await storage.withInstance { (store: any HubStore) async throws in
                let hub = Hub(store: store)
                // Another instance (another process or machine) knows them.
                for (token, secret) in issued { #expect(try await hub.authenticate(secret) == token) }
                #expect(try await hub.revokeTokens(issued[0].token.id) == [issued[0].token])
                #expect(try await hub.authenticate(issued[0].secret) == nil)
                #expect(try await hub.authenticate(issued[1].secret) == issued[1].token)
                #expect(try await hub.revokeTokens(issued[0].token.id).isEmpty)
                #expect(try await hub.revokeTokens("carol").isEmpty)
            }
            try await storage.withInstance { (store: any HubStore) async throws in
                let hub = Hub(store: store)
                #expect(try await hub.authenticate(issued[0].secret) == nil)
                #expect(try await hub.tokens() == HubAgentToken.oldestFirst([issued[1].token, issued[2].token]))
                _ = try await hub.issueToken(for: "alice")
                #expect(try await hub.revokeTokens("alice").map(\.agent) == ["alice", "alice"])
                #expect(try await hub.authenticate(issued[1].secret) == nil)
                #expect(try await hub.tokens() == [issued[2].token])
                #expect(try await hub.authenticate(issued[2].secret) == issued[2].token)
            }
        }
    }

    @Test func aNameThatIsNoAgentGetsNoTokenAndRevokesNothing() async throws {
        let hub = Hub(store: InMemoryHubStore())
        let issued = try await #require(throws: HubError.self) { try await hub.issueToken(for: "bob smith") }
        #expect(issued.code == .invalidName)
        let revoked = try await #require(throws: HubError.self) { try await hub.revokeTokens("") }
        #expect(revoked.code == .invalidName)
        #expect(try await hub.tokens().isEmpty)
    }

    /// The SQLite file (and its write-ahead log) holds the secret's SHA-256, never the secret.
    @Test func theSQLiteFileHoldsOnlyTheSecretsHash() async throws {
        try await HubStoreConformanceTests.withStorage(.sqlite) { storage in
            let secret = try await storage.withInstance { try await Hub(store: $0).issueToken(for: "alice").secret }
            let bytes = ["", "-wal"].compactMap { FileManager.default.contents(atPath: storage.name + $0) }.reduce(Data(), +)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(HubAgentToken.hash(of: secret)))
            #expect(!text.contains(secret) && !text.contains(String(secret.dropFirst(5))))
        }
    }
}
