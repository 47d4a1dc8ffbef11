import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user[:password]@host[:port]/database[?parameter=value&…]` URL, read into the settings
/// of a client (a pool of connections) and of a single connection.
///
/// Parameters, with libpq's names and meanings where libpq has one:
/// - `sslmode`: `disable`, `allow` or `prefer` (TLS if the server offers it, certificate not checked; the
///   default, as libpq's), `require` (TLS or no connection), `verify-ca` (and a certificate signed by a
///   trusted CA), `verify-full` (and naming the host, or the IP address connected to);
/// - `sslrootcert`: a PEM file of the CA certificates to trust instead of the system's (with `require`,
///   as libpq, it means `verify-ca`);
/// - `connect_timeout`: seconds to wait for a connection (default 10);
/// - `application_name`: what the server shows for the connections (default `slipstream`);
/// - `pool_size`: connections a store opens at most (default 10; PostgreSQL's own default limit is 100
///   connections in all, so several processes on one server each keep to a share).
///
/// Any other parameter is refused, so that a setting is never silently ignored.
struct PostgresURL: Sendable {
    /// What is wrong with a URL, in words that name the part.
    struct Invalid: Error { let message: String }

    /// The most connections a store opens when the URL does not say (`pool_size`).
    static let defaultPoolSize = 10

    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String?
    /// The TLS mode (`sslmode`) and, unless it is `disable`, what the handshake checks.
    let tls: (mode: String, configuration: TLSConfiguration?)
    let connectTimeout: Duration
    let applicationName: String
    let poolSize: Int

    /// Reads `url`, or says what is wrong with it.
    init(_ url: String) throws(Invalid) {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme),
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
        else { throw Invalid(message: "\(url.debugDescription) is not a postgres://user[:password]@host[:port]/database URL") }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard Self.parameters.contains(item.name) else {
                throw Invalid(
                    message:
                        "\(url.debugDescription) has the parameter \(item.name.debugDescription), which is not one of \(Self.parameters.joined(separator: ", "))"
                )
            }
            parameters[item.name] = item.value ?? ""
        }
        func number(_ name: String, default value: Int, in range: ClosedRange<Int>) throws(Invalid) -> Int {
            guard let text = parameters[name] else { return value }
            guard let number = Int(text), range.contains(number) else {
                throw Invalid(
                    message:
                        "\(name)=\(text) in \(url.debugDescription) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user
        self.password = components.password
        let database = String(components.path.drop(while: { $0 == "/" }))
        self.database = database.isEmpty ? nil : database
        self.connectTimeout = .seconds(try number("connect_timeout", default: 10, in: 1...86_400))
        self.poolSize = try number("pool_size", default: Self.defaultPoolSize, in: 1...10_000)
        self.applicationName = parameters["application_name"] ?? "slipstream"
        self.tls = try Self.tls(mode: parameters["sslmode"] ?? "prefer", rootCertificates: parameters["sslrootcert"], url: url)
    }

    /// The parameters a URL may have.
    static let parameters = ["sslmode", "sslrootcert", "connect_timeout", "application_name", "pool_size"]

    /// The TLS mode and handshake settings of `sslmode` and `sslrootcert`.
    private static func tls(
        mode: String, rootCertificates file: String?, url: String
    ) throws(Invalid) -> (mode: String, configuration: TLSConfiguration?) {
        let modes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
        guard modes.contains(mode) else {
            throw Invalid(message: "sslmode=\(mode) in \(url.debugDescription) is not one of \(modes.joined(separator: ", "))")
        }
        guard mode != "disable" else { return (mode, nil) }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            } catch {
                throw Invalid(message: "sslrootcert=\(file) in \(url.debugDescription): cannot read PEM certificates from it (\(error))")
            }
        }
        switch mode {
        case "verify-full": configuration.certificateVerification = .fullVerification
        case "verify-ca": configuration.certificateVerification = .noHostnameVerification
        case "require" where file != nil: configuration.certificateVerification = .noHostnameVerification
        default: configuration.certificateVerification = .none
        }
        return (mode, configuration)
    }

    /// Whether a connection must use TLS.
    private var requiresTLS: Bool { ["require", "verify-ca", "verify-full"].contains(tls.mode) }

    /// The settings of a client of the server: a pool of at most ``poolSize`` connections.
    var client: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: tls.configuration.map { requiresTLS ? .require($0) : .prefer($0) } ?? .disable)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = poolSize
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        return configuration
    }

    /// The settings of one connection to the server.
    func connection() throws -> PostgresConnection.Configuration {
        var tls = PostgresConnection.Configuration.TLS.disable
        if let settings = self.tls.configuration {
            let context = try NIOSSLContext(configuration: settings)
            tls = requiresTLS ? .require(context) : .prefer(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(connectTimeout.components.seconds))
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        return configuration
    }

    /// How errors name the server.
    var server: String { "the PostgreSQL server at \(host):\(port)" }
}
