import Foundation
import PostgresNIO

/// What the PostgreSQL stores share: checking table names, probing a server, running a client for the
/// length of a closure.
enum PostgresServer {
    /// Whether `name` is a lowercase SQL identifier (letters, digits and `_`, not starting with a digit)
    /// of at most `maxLength` bytes, safe to put in a query unescaped.
    static func isIdentifier(_ name: String, maxLength: Int = 63) -> Bool {
        guard let first = name.utf8.first, first &- 0x61 < 26 || first == 0x5F else { return false }
        return name.utf8.count <= maxLength && name.utf8.allSatisfy { $0 &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == 0x5F }
    }

    /// A logger for queries that logs nothing below critical (the stores report failures as typed errors).
    static let quietLogger: Logger = {
        var logger = Logger(label: "slipstream.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// Connects once to the server of `configuration`, then closes. A client retries a refused connection
    /// for about a minute and then says only that it gave up; this says at once what the server said
    /// (nothing listening, an unknown database or user, a wrong password). A server that is full or
    /// starting up (SQLSTATE 53300, 57P03) passes: the client waits for it as it should.
    static func probe(_ url: PostgresURL) async throws {
        let once = try url.connection()
        do {
            try await PostgresServerError.readable {
                try await PostgresConnection.connect(configuration: once, id: 0, logger: quietLogger).close()
            }
        } catch let error as PostgresServerError where ["53300", "57P03"].contains(error.sqlState) {
            return
        }
    }

    /// Runs a client for `configuration` while `body` runs; it stops when `body` returns.
    static func withClient<Result: Sendable>(
        _ configuration: PostgresClient.Configuration, _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
