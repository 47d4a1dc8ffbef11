import SlipstreamHub
import SlipstreamHubClient
import SlipstreamStores

extension SlipstreamMCPServer {
    /// The hub the server's hub tools talk to: a store this process opens (as `slipstream hub --store`), or
    /// a hub server (as `slipstream hub --hub URL --token`). Either way the tools see a ``HubEndpoint``.
    public enum HubLocation: Sendable, Hashable, CustomStringConvertible {
        /// A SQLite file, a PostgreSQL server or memory; a SQLite file is opened when a tool first needs it.
        case store(StoreLocation)
        /// A hub server (`slipstream hub serve`) at `url`, with its bearer token and, for an `https://` URL,
        /// the PEM file of the CA certificates to trust instead of the system's (``HubClient/caCertificateFile``),
        /// the certificate to present to a server that asks for one, and how long a request may take
        /// (``HubClient/timeout``).
        case server(
            url: String, token: String?, caCertificateFile: String? = nil, clientCertificate: HubClient.ClientCertificate? = nil,
            timeout: Duration = .seconds(10))

        /// Runs `body` with the hub at this location: a ``Hub`` with `configuration` over the store, or a
        /// ``HubClient`` of the server.
        func withEndpoint<Result: Sendable>(
            configuration: HubConfiguration, _ body: (any HubEndpoint) async throws -> Result
        ) async throws -> Result {
            switch self {
            case .store(let location):
                return try await location.withHubStore(lazily: true) { try await body(Hub(store: $0, configuration: configuration)) }
            case .server(let url, let token, let caCertificateFile, let clientCertificate, let timeout):
                return try await body(
                    try HubClient(
                        url: url, token: token, caCertificateFile: caCertificateFile, clientCertificate: clientCertificate, timeout: timeout
                    ))
            }
        }

        /// The location, without a password or token.
        public var description: String {
            switch self {
            case .store(let location): location.description
            case .server(let url, _, _, _, _): url
            }
        }
    }
}
