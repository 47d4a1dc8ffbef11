import Foundation
import PostgresNIO
import SlipstreamCore
import SlipstreamHub
import SlipstreamPostgres
import SlipstreamTestSupport
import Testing

/// The parameters of a `postgres://` URL: each is read as libpq reads it, a wrong one is refused naming
/// it, and against the real server TLS is used, checked and refused as the URL says.
struct PostgresURLTests {
    /// The test server's CA certificate (scripts/test.sh starts the server with TLS on).
    static let caCertificate = ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_CA_CERT"]

    /// The test server's URL with `query` as its parameters.
    static func testServer(_ query: String) throws -> String {
        let url = try #require(FallbackStoreConformanceTests.postgresURL)
        var components = try #require(URLComponents(string: url))
        components.query = query
        return try #require(components.string)
    }

    @Test func theParametersSetThePoolTheTimeoutAndTheApplicationName() throws {
        let configuration = try PostgresFallbackStore.configuration(
            url: "postgres://hub@db.internal/slipstream?pool_size=3&connect_timeout=4&application_name=agents&sslmode=disable")
        #expect(configuration.options.maximumConnections == 3 && configuration.options.connectTimeout == .seconds(4))
        #expect(configuration.options.additionalStartupParameters.map { "\($0)=\($1)" } == ["application_name=agents"])
        let defaults = try PostgresFallbackStore.configuration(url: "postgres://hub@db.internal/slipstream")
        #expect(defaults.options.maximumConnections == 10 && defaults.options.connectTimeout == .seconds(10))
    }

    @Test(arguments: [
        ("sslmode=on", "sslmode=on in"),
        ("pool_size=0", "pool_size=0 in"),
        ("connect_timeout=soon", "connect_timeout=soon in"),
        ("ssl=true", "the parameter \"ssl\", which is not one of sslmode, sslrootcert"),
        ("sslmode=verify-full&sslrootcert=/no/such/ca.pem", "sslrootcert=/no/such/ca.pem in"),
    ])
    func aWrongParameterIsRefusedNamingIt(_ query: String, _ message: String) async {
        let url = "postgres://hub@db.internal/slipstream?" + query
        #expect {
            _ = try PostgresFallbackStore.configuration(url: url)
        } throws: { error in
            let error = try #require(error as? FallbackStoreError)
            return error.code == .storage && error.message.contains(message) && error.message.contains(url.debugDescription)
        }
        await #expect {
            try await PostgresHubStore.withStore(url: url) { _ in }
        } throws: { error in
            (error as? HubError)?.message.contains(message) == true
        }
    }

    /// Whether the connection a query runs on uses TLS, and the name it gave the server.
    static func connection(of client: PostgresClient) async throws -> (tls: Bool, application: String) {
        let rows = try await client.query(
            "SELECT ssl, current_setting('application_name') FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        for try await row in rows.decode((Bool, String).self) { return (row.0, row.1) }
        throw HubError(.storage, "pg_stat_ssl has no row for this connection")
    }

    @Test(.enabled(if: caCertificate != nil, "needs the TLS test server of scripts/test.sh"))
    func verifyFullConnectsOverTLSToTheServerTheCATrusts() async throws {
        let ca = try #require(Self.caCertificate)
        let url = try Self.testServer("sslmode=verify-full&sslrootcert=\(ca)&application_name=slip_tls_test")
        try await PostgresFallbackStore.withStore(url: url) { store in
            let connection = try await Self.connection(of: store.client)
            #expect(connection.tls && connection.application == "slip_tls_test")
        }
        let prefix = "hub_tls_" + UUID().uuidString.lowercased().prefix(8)
        try await PostgresHubStore.withStore(url: url + "&pool_size=1", prefix: prefix) { store in
            let connection = try await Self.connection(of: store.client)
            #expect(connection.tls)
            // One connection for queries, and the listener's besides: a send reaches a waiting receiver.
            let hub = Hub(store: store)
            async let received = hub.receive(agent: "bob", after: 0, limit: nil, wait: .seconds(600))
            let receipt = try await hub.send("SLIP v1 alice bob MetaAck")
            #expect(try await received.map(\.id) == [receipt.id])
            try await store.client.query("DROP TABLE \(unescaped: store.tables.joined(separator: ", "))")
        }
    }

    @Test(.enabled(if: caCertificate != nil, "needs the TLS test server of scripts/test.sh"))
    func theDefaultUsesTLSWhenTheServerOffersItAndDisableDoesNot() async throws {
        try await PostgresFallbackStore.withStore(url: try Self.testServer("")) { store in
            let connection = try await Self.connection(of: store.client)
            #expect(connection.tls && connection.application == "slipstream")
        }
        try await PostgresFallbackStore.withStore(url: try Self.testServer("sslmode=disable")) { store in
            let connection = try await Self.connection(of: store.client)
            #expect(!connection.tls)
        }
    }

    @Test(.enabled(if: caCertificate != nil, "needs the TLS test server of scripts/test.sh"))
    func aServerCertificateTheCADidNotSignIsRefused() async throws {
        let other = try TestCertificates()
        defer { other.remove() }
        let url = try Self.testServer("sslmode=verify-ca&sslrootcert=\(other.caCertificate)")
        await #expect {
            try await PostgresHubStore.withStore(url: url) { _ in }
        } throws: { error in
            let error = try #require(error as? HubError)
            return error.code == .storage && error.message.contains("cannot connect to the PostgreSQL server at")
                && "\(error)".contains("the server's TLS certificate is not trusted (trust its CA with sslrootcert")
        }
    }
}
