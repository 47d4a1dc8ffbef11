import Foundation
import PostgresNIO
import SlipstreamCore

/// A ``FallbackStore`` on a PostgreSQL server: agents on many machines resolve the same refs.
///
/// The store uses a running `PostgresClient`; ``withStore(url:table:_:)`` runs one for the length of a
/// closure. Each text is committed before its ref is returned.
///
/// ```swift
/// try await PostgresFallbackStore.withStore(url: "postgres://agent@db.internal:5432/slipstream") { store in
///     let ref = try await store.store("please check the pods")  // "ref" + 8 hex digits
///     try await store.retrieve(ref)                              // "please check the pods"
/// }
/// ```
public struct PostgresFallbackStore: FallbackStore {
    /// The client the store queries; it must be running (`PostgresClient.run()`).
    public let client: PostgresClient
    /// The table that holds the texts (created by ``prepare()``).
    public let table: String
    /// How errors name the server (`the PostgreSQL server at host:port`).
    public let server: String

    /// A store on `client` in `table` (a lowercase SQL identifier: letters, digits and `_`); `server` is
    /// how errors name the server.
    public init(
        client: PostgresClient, table: String = "slipstream_fallback_texts", server: String = "the PostgreSQL server"
    ) throws(FallbackStoreError) {
        guard PostgresServer.isIdentifier(table) else {
            throw FallbackStoreError(.storage, "table name \(table.debugDescription) is not a lowercase SQL identifier")
        }
        self.client = client
        self.table = table
        self.server = server
    }

    /// Creates the table when it does not exist yet. Stores preparing at once take turns: two concurrent
    /// `CREATE TABLE IF NOT EXISTS` of one new table make PostgreSQL refuse one of them.
    public func prepare() async throws {
        try await FallbackStoreError.postgres("create the table \(table) on \(server)") {
            try await client.withTransaction(logger: PostgresServer.quietLogger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(table)))", logger: PostgresServer.quietLogger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS \(unescaped: table) (
                        ref TEXT PRIMARY KEY,
                        text BYTEA NOT NULL,
                        stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, logger: PostgresServer.quietLogger)
            }
        }
    }

    public func store(_ text: String) async throws -> String {
        // UTF-8 bytes: PostgreSQL's text type cannot hold a NUL.
        let bytes = ByteBuffer(string: text)
        for ref in Self.candidateRefs(for: text) {
            let inserted = try await FallbackStoreError.postgres("store a text in \(table) on \(server)") {
                try await client.query(
                    "INSERT INTO \(unescaped: table) (ref, text) VALUES (\(ref), \(bytes)) ON CONFLICT (ref) DO NOTHING RETURNING ref"
                ).collect().count == 1
            }
            if inserted { return ref }
            if try await held(ref) == bytes { return ref }
        }
        throw FallbackStoreError.refsExhausted(for: text)
    }

    public func retrieve(_ ref: String) async throws -> String? {
        try await held(ref).map { String(buffer: $0) }
    }

    /// The bytes stored under `ref`.
    private func held(_ ref: String) async throws -> ByteBuffer? {
        try await FallbackStoreError.postgres("read ref \(ref.debugDescription) from \(table) on \(server)") {
            let rows = try await client.query("SELECT text FROM \(unescaped: table) WHERE ref = \(ref)")
            for try await bytes in rows.decode(ByteBuffer.self) { return bytes }
            return nil
        }
    }

    /// Runs a client for the server at `url` (`postgres://user:password@host:port/database?parameters`,
    /// parameters as in docs/hub.md#postgresql-urls), prepares the store and hands it to `body`; the client
    /// stops when `body` returns.
    public static func withStore<Result: Sendable>(
        url: String, table: String = "slipstream_fallback_texts", _ body: (PostgresFallbackStore) async throws -> Result
    ) async throws -> Result {
        let location = try location(url)
        let server = location.server
        try await FallbackStoreError.postgres("connect to \(server)") { try await PostgresServer.probe(location) }
        return try await PostgresServer.withClient(location.client) { client in
            let store = try PostgresFallbackStore(client: client, table: table, server: server)
            try await store.prepare()
            return try await body(store)
        }
    }

    /// The client configuration for `postgres://user:password@host:port/database[?parameters]` (see
    /// docs/hub.md#postgresql-urls for the parameters).
    public static func configuration(url: String) throws(FallbackStoreError) -> PostgresClient.Configuration {
        try location(url).client
    }

    private static func location(_ url: String) throws(FallbackStoreError) -> PostgresURL {
        do { return try PostgresURL(url) } catch { throw FallbackStoreError(.storage, error.message) }
    }
}
