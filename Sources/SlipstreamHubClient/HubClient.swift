import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SlipstreamCore
import SlipstreamHub

/// A ``HubEndpoint`` that talks to a hub server (`slipstream hub serve`) over HTTP or HTTPS.
///
/// Refusals come back as the server's ``HubError`` (code, offset, wire error, retry-after); a server that
/// cannot be reached, answers something else, or whose TLS certificate is not trusted, is a
/// ``HubError/Code/transport`` error naming it. Over `https://` the client trusts the system's CA
/// certificates, or only those of `caCertificateFile` (a private CA's, or a self-signed server's).
///
/// ```swift
/// let hub = try HubClient(url: "https://hub.internal:7600", token: "s3cret", caCertificateFile: "hub-ca.pem")
/// let receipt = try await hub.send("SLIP v1 alice bob RequestReview auth_module")
/// let messages = try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .seconds(30))
/// ```
public struct HubClient: HubEndpoint {
    /// The server's base URL, without a trailing `/`.
    public let url: String
    /// The bearer token sent with every request.
    public let token: String?
    /// The PEM file of the CA certificates trusted instead of the system's, for an `https://` URL.
    public let caCertificateFile: String?
    /// The certificate presented to a server that asks for one, for an `https://` URL.
    public let clientCertificate: ClientCertificate?
    /// How long a request may take, connecting included (a long poll: its wait on top).
    public let timeout: Duration
    private let client: HTTPClient
    /// The TLS setting of every request, for an `https://` URL.
    private let tls: TLSConfiguration?

    /// A client of the server at `url` (`http://host:port` or `https://host:port`), using `client` (default:
    /// ``connectOnce``). With `caCertificateFile`, an `https://` server's certificate must be signed by (or
    /// be) one of the file's PEM certificates; a ``HubError/Code/tlsConfiguration`` error names a file that
    /// is missing, unreadable or holds none. With `clientCertificate`, the client presents it to a server
    /// that asks for one (`hub serve --client-ca`).
    public init(
        url: String, token: String? = nil, caCertificateFile: String? = nil, clientCertificate: ClientCertificate? = nil,
        timeout: Duration = .seconds(10), client: HTTPClient = connectOnce
    ) throws(HubError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme, ["http", "https"].contains(scheme),
            components.host?.isEmpty == false
        else { throw HubError(.invalidRequest, "\(url.debugDescription) is not an http://host:port or https://host:port URL") }
        if caCertificateFile != nil || clientCertificate != nil, scheme != "https" {
            throw HubError(.invalidRequest, "a CA certificate or client certificate file is for an https:// hub; \(url) is not one")
        }
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.token = token
        self.caCertificateFile = caCertificateFile
        self.clientCertificate = clientCertificate
        self.timeout = timeout
        self.client = client
        self.tls =
            scheme == "https" ? try Self.tlsConfiguration(trusting: caCertificateFile, presenting: clientCertificate) : nil
    }

    /// The HTTP client of hub clients made without one: async-http-client's shared settings, but a
    /// connection that cannot be made (nothing listening, an untrusted certificate) fails the request at
    /// once. The shared client tries again until the request's timeout, so a user waited 10 s to learn
    /// that the hub is not running. It lives as long as the process, as the shared one does.
    public static let connectOnce: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public func send(_ line: String) async throws(HubError) -> HubReceipt {
        if let newline = line.utf8.firstIndex(of: 0x0A) {
            throw HubError(
                .invalidWire, "a wire is one line; this one has a line break",
                offset: line.utf8.distance(from: line.utf8.startIndex, to: newline))
        }
        if line.allSatisfy(\.isWhitespace) {
            // The server skips blank lines; refuse one as a local hub would.
            do throws(WireError) { _ = try WireParser().parse(line) } catch { throw .invalidWire(error) }
        }
        let (status, body) = try await request("/v1/messages", method: .POST, body: line, contentType: "text/plain; charset=utf-8")
        guard let outcome = try? JSONDecoder().decode(Outcomes.self, from: body).results.first else {
            throw unexpected(status, body, "POST /v1/messages")
        }
        return try outcome.result.get()
    }

    /// One line's result in a `POST /v1/messages` answer.
    private struct Outcome: Decodable {
        var result: Result<HubReceipt, HubError>

        init(from decoder: any Decoder) throws {
            if let failure = try? Failure(from: decoder) {
                result = .failure(failure.error)
            } else {
                result = .success(try HubReceipt(from: decoder))
            }
        }
    }

    private struct Outcomes: Decodable { var results: [Outcome] }

    /// An error answer.
    private struct Failure: Decodable { var error: HubError }

    public func receive(agent: String, after: Int64, limit: Int?, wait: Duration) async throws(HubError) -> [HubMessage] {
        struct Messages: Decodable { var messages: [HubMessage] }
        try Hub.check(agent, as: "agent")
        var path = "/v1/agents/\(agent)/messages?after=\(after)&wait=\(HubTime.seconds(wait))"
        if let limit { path += "&limit=\(limit)" }
        let (status, body) = try await request(path, method: .GET, timeout: wait + timeout)
        return try decode(Messages.self, status, body, "GET /v1/agents/\(agent)/messages").messages
    }

    @discardableResult
    public func acknowledge(agent: String, through id: Int64) async throws(HubError) -> Int64 {
        struct Cursor: Decodable { var through: Int64 }
        try Hub.check(agent, as: "agent")
        let (status, body) = try await request(
            "/v1/agents/\(agent)/ack", method: .POST, body: "{\"through\":\(id)}", contentType: "application/json")
        return try decode(Cursor.self, status, body, "POST /v1/agents/\(agent)/ack").through
    }

    public func join(group: String, agent: String) async throws(HubError) {
        _ = try await membership(group, agent, method: .PUT)
    }

    public func leave(group: String, agent: String) async throws(HubError) {
        _ = try await membership(group, agent, method: .DELETE)
    }

    public func members(of group: String) async throws(HubError) -> [String] {
        try Hub.check(group, as: "group")
        let (status, body) = try await request("/v1/groups/\(group)/members", method: .GET)
        return try decode(Members.self, status, body, "GET /v1/groups/\(group)/members").members
    }

    public func stats() async throws(HubError) -> HubStats {
        let (status, body) = try await request("/v1/stats", method: .GET)
        return try decode(HubStats.self, status, body, "GET /v1/stats")
    }

    /// Whether the server answers its health check.
    public func isHealthy() async -> Bool {
        (try? await request("/v1/health", method: .GET))?.0 == .ok
    }

    private struct Members: Decodable { var members: [String] }

    private func membership(_ group: String, _ agent: String, method: HTTPMethod) async throws(HubError) -> [String] {
        try Hub.check(group, as: "group")
        try Hub.check(agent, as: "agent")
        let path = "/v1/groups/\(group)/members/\(agent)"
        let (status, body) = try await request(path, method: method)
        return try decode(Members.self, status, body, "\(method) \(path)").members
    }

    /// The body as `T` for a 200, else the server's error.
    private func decode<T: Decodable>(_ type: T.Type, _ status: HTTPResponseStatus, _ body: Data, _ what: String) throws(HubError) -> T {
        if status == .ok, let value = try? JSONDecoder().decode(T.self, from: body) { return value }
        throw unexpected(status, body, what)
    }

    /// The server's error in `body`, or a transport error naming the answer.
    private func unexpected(_ status: HTTPResponseStatus, _ body: Data, _ what: String) -> HubError {
        if let failure = try? JSONDecoder().decode(Failure.self, from: body) { return failure.error }
        return HubError(
            .transport,
            "\(what) on \(url) answered HTTP \(status.code) with \(String(decoding: body.prefix(200), as: UTF8.self).debugDescription)")
    }

    private func request(
        _ path: String, method: HTTPMethod, body: String? = nil, contentType: String? = nil, timeout: Duration? = nil
    ) async throws(HubError) -> (HTTPResponseStatus, Data) {
        let timeout = timeout ?? self.timeout
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        request.tlsConfiguration = tls
        do {
            let milliseconds = Int64(min(max(HubTime.seconds(timeout), 0), 31_536_000) * 1000)  // within a year
            let response = try await client.execute(request, timeout: .milliseconds(milliseconds))
            let bytes = try await response.body.collect(upTo: 64 << 20)
            return (response.status, Data(bytes.readableBytesView))
        } catch {
            throw HubError(.transport, "cannot \(method) \(url + path)\(Self.reason(for: error, timeout: timeout))", underlying: error)
        }
    }

    /// What a request's error means, to follow "cannot GET <url>": a refused connection, a request that
    /// outlived `timeout` or a TLS failure in words; else nothing (the underlying error is printed after it).
    private static func reason(for error: any Error, timeout: Duration) -> String {
        switch error {
        case let error as HTTPClientError where error == .deadlineExceeded:
            return
                ": no answer within \(HubTime.seconds(timeout).formatted()) s (the client's timeout; --timeout SECONDS on the command line)"
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return ": nothing is listening there (connection refused; is `slipstream hub serve` running?)"
        case let error as NIOSSLError:
            if case .handshakeFailed(let reason) = error, "\(reason)".contains("CERTIFICATE_VERIFY_FAILED") {
                return
                    ": the server's TLS certificate is not trusted (trust the hub's CA or self-signed certificate with a CA certificate file, --ca-cert)"
            }
            return ": the TLS handshake failed"
        case let error as BoringSSLError where "\(error)".contains("ALERT_CERTIFICATE_REQUIRED"):
            return ": the server asks for a client certificate (give one signed by its client CA: --client-cert and --client-key)"
        case let error as BoringSSLError where "\(error)".contains("ALERT_UNKNOWN_CA") || "\(error)".contains("ALERT_BAD_CERTIFICATE"):
            return ": the server does not trust this client certificate (it is not signed by the server's client CA)"
        case let error as NIOSSLExtraError:
            if error == .failedToValidateHostname { return ": the server's TLS certificate is not trusted (it does not name this host)" }
            return ": the TLS handshake failed"
        default:
            return ""
        }
    }
}
