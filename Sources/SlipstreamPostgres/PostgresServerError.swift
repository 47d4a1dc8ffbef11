import PostgresNIO

/// What a PostgreSQL server, or the way to it, said, in words: PostgresNIO's `PSQLError` prints only a
/// generic text (to keep queries out of logs), which leaves a user guessing.
///
/// The stores put it as the `underlying` error of their storage errors:
/// `cannot connect to the PostgreSQL server at db:5432: database "hub" does not exist (SQLSTATE 3D000)`.
public struct PostgresServerError: Error, Sendable, CustomStringConvertible {
    /// The server's SQLSTATE code (`3D000`, `42P01`, …), when the server answered.
    public var sqlState: String?
    /// The server's message (and detail), or what failed on the way to it.
    public var message: String
    /// The error PostgresNIO threw.
    public var underlying: any Error & Sendable

    public init(_ error: any Error & Sendable) {
        underlying = error
        guard let error = error as? PSQLError else {
            message = "\(error)"
            return
        }
        sqlState = error.serverInfo?[.sqlState]
        if let text = error.serverInfo?[.message] {
            message = [text, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: ": ")
        } else if let cause = error.underlying {
            message = "\(cause)"
        } else {
            message = "\(error.code)"
        }
    }

    /// Runs `body`; a `PSQLError` it throws becomes a ``PostgresServerError``.
    static func readable<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError {
            throw PostgresServerError(error)
        }
    }

    public var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }
}
