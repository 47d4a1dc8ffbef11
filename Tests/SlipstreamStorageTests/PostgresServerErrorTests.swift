import Foundation
import SlipstreamCore
import SlipstreamHub
import SlipstreamPostgres
import Testing

/// PostgreSQL's own errors print only a generic text; the stores' errors still say what the server said,
/// at once rather than after the client has retried for a minute.
@Suite(.enabled(if: FallbackStoreConformanceTests.postgresURL != nil, "set SLIPSTREAM_POSTGRES_URL to a PostgreSQL server"))
struct PostgresServerErrorTests {
    static func testServer() throws -> URLComponents {
        let url = try #require(FallbackStoreConformanceTests.postgresURL)
        return try #require(URLComponents(string: url))
    }

    /// The test server's URL with the database changed to one that does not exist.
    static func missingDatabaseURL() throws -> String {
        var components = try testServer()
        components.path = "/no_such_database_here"
        return try #require(components.string)
    }

    /// Checks `underlying` is the server's "database does not exist".
    static func expectMissingDatabase(_ underlying: (any Error)?) throws {
        let server = try #require(underlying as? PostgresServerError)
        #expect(server.sqlState == "3D000")
        #expect(server.description.contains("no_such_database_here"))
    }

    @Test func aFallbackStoreOnAMissingDatabaseSaysSo() async throws {
        let url = try Self.missingDatabaseURL()
        await #expect {
            try await PostgresFallbackStore.withStore(url: url) { _ in }
        } throws: { error in
            let error = try #require(error as? FallbackStoreError)
            try Self.expectMissingDatabase(error.underlying)
            return error.code == .storage && "\(error)".contains("cannot connect to the PostgreSQL server at")
        }
    }

    @Test func aHubStoreOnAMissingDatabaseSaysSo() async throws {
        let url = try Self.missingDatabaseURL()
        await #expect {
            try await PostgresHubStore.withStore(url: url) { _ in }
        } throws: { error in
            let error = try #require(error as? HubError)
            try Self.expectMissingDatabase(error.underlying)
            return error.code == .storage && "\(error)".contains("cannot connect to the PostgreSQL server at")
        }
    }

    @Test func aServerThatIsNotThereIsAClearError() async throws {
        // A port nothing listens on (the test server's, plus one).
        var components = try Self.testServer()
        components.port = (components.port ?? 5432) + 1
        let url = try #require(components.string)
        await #expect {
            try await PostgresHubStore.withStore(url: url) { _ in }
        } throws: { error in
            let error = try #require(error as? HubError)
            let server = try #require(error.underlying as? PostgresServerError)
            return error.code == .storage && server.sqlState == nil && !server.message.isEmpty
        }
    }
}
