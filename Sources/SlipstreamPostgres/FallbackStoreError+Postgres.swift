import SlipstreamCore

extension FallbackStoreError {
    /// ``FallbackStoreError/storage(_:_:)`` for a PostgreSQL store: the server's own words become the
    /// underlying ``PostgresServerError``.
    static func postgres<T>(_ doing: @autoclosure () -> String, _ body: () async throws -> T) async throws(FallbackStoreError) -> T {
        try await storage(doing()) { try await PostgresServerError.readable(body) }
    }
}
