import NIOSSL
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
            message = Self.tlsFailure(cause) ?? "\(cause)"
        } else if error.code == .sslUnsupported {
            message = "the server does not offer TLS, which the URL's sslmode requires"
        } else {
            message = "\(error.code)"
        }
    }

    /// What a failed TLS handshake means, in words; nil for any other error.
    private static func tlsFailure(_ error: any Error) -> String? {
        switch error {
        case let error as NIOSSLError:
            if case .handshakeFailed(let reason) = error, "\(reason)".contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's TLS certificate is not trusted (trust its CA with sslrootcert=FILE in the URL): \(error)"
            }
            return "the TLS handshake failed: \(error)"
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return "the server's TLS certificate does not name the URL's host (sslmode=verify-full): \(error)"
        default:
            return nil
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
