import ArgumentParser
import SlipstreamHubServer

/// HTTPS for a server the CLI runs (`hub serve`, `mcp --http`): its certificate and key, and whether a
/// token may cross the network over plain HTTP.
struct ServerTLSOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The PEM file of the server's TLS certificate, then any intermediate ones: serve HTTPS (with --tls-key).",
            valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The PEM file of the TLS certificate's private key (unencrypted).", valueName: "file"))
    var tlsKey: String?

    @Option(
        help: ArgumentHelp(
            "A PEM file of CA certificates: with --tls-cert, every client must present a certificate one of them signed (mutual TLS).",
            valueName: "file"))
    var clientCA: String?

    @Flag(help: "Serve with a token over plain HTTP on an address other than loopback: the token crosses the network in clear text.")
    var allowInsecure = false

    /// Checks the options go together, and that a token on `host` would not cross the network in clear text
    /// unless allowed.
    func validate(host: String, checksTokens: Bool) throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together: give both") }
        if clientCA != nil, tlsCert == nil { throw ValidationError("--client-ca is for HTTPS: give --tls-cert and --tls-key too") }
        if !allowInsecure, HubServerConfiguration.exposesToken(checked: checksTokens, overTLS: tlsCert != nil, on: host) {
            throw ValidationError(
                "a token over plain HTTP on \(host) would cross the network in clear text: give --tls-cert and --tls-key, "
                    + "listen on 127.0.0.1, or pass --allow-insecure")
        }
    }

    /// The TLS setting of the files, read and checked; nil without them.
    func configuration() throws -> HubServerConfiguration.TLS? {
        try tlsCert.map {
            try HubServerConfiguration.TLS(certificateChainFile: $0, privateKeyFile: tlsKey ?? "", clientCertificateAuthorityFile: clientCA)
        }
    }
}
