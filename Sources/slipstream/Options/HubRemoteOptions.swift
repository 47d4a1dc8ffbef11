import ArgumentParser
import Foundation
import SlipstreamHub
import SlipstreamHubClient

/// A hub server to talk to instead of a store (`--hub`), and its token; with the store options, the
/// hub a `hub` command works on.
struct HubRemoteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A hub server to talk to instead of a store (`slipstream hub serve`).", valueName: "url"))
    var hub: String?

    @Option(help: "The hub server's bearer token: the admin's, or an agent's (default: $SLIPSTREAM_HUB_TOKEN).")
    var token: String?

    @Option(
        name: .customLong("ca-cert"),
        help: ArgumentHelp(
            "A PEM file of the CA certificates (or the self-signed certificate) to trust for an https:// --hub, instead of the system's.",
            valueName: "file"))
    var caCertificate: String?

    @Option(
        help: ArgumentHelp(
            "A PEM file of the client certificate to present to an https:// --hub that asks for one (with --client-key).",
            valueName: "file"))
    var clientCert: String?

    @Option(help: ArgumentHelp("The PEM file of the client certificate's private key (unencrypted).", valueName: "file"))
    var clientKey: String?

    @Option(help: "Seconds a request to the --hub server may take, connecting included; a receive's wait on top (default: 10).")
    var timeout: Double?

    func validate() throws {
        try Self.validate(timeout: timeout, option: "--timeout")
        guard (clientCert == nil) == (clientKey == nil) else {
            throw ValidationError("--client-cert and --client-key go together: give both")
        }
    }

    /// The client certificate of --client-cert and --client-key.
    var clientCertificate: HubClient.ClientCertificate? {
        clientCert.map { HubClient.ClientCertificate(certificateFile: $0, keyFile: clientKey ?? "") }
    }

    /// Checks a request timeout of `option`, if given, is a positive number of seconds, at most a day.
    static func validate(timeout: Double?, option: String) throws {
        guard let timeout else { return }
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("\(option) must be more than 0 and at most 86400 seconds") }
    }

    /// Runs `body` with the hub the options name: the server of `--hub`, else a hub over the store of
    /// `store` with `configuration`.
    func withEndpoint<Result: Sendable>(
        store: HubStoreOptions, configuration: HubConfiguration, _ body: (any HubEndpoint) async throws -> Result
    ) async throws -> Result {
        guard let hub else {
            guard caCertificate == nil else { throw ValidationError("--ca-cert is for a hub server: give --hub https://…") }
            guard timeout == nil else { throw ValidationError("--timeout is for a hub server: give --hub URL") }
            guard clientCert == nil else { throw ValidationError("--client-cert is for a hub server: give --hub https://…") }
            return try await store.withStore { try await body(Hub(store: $0, configuration: configuration)) }
        }
        guard store.store == nil else { throw ValidationError("--hub and --store each name a hub: give one") }
        return try await body(
            try HubClient(
                url: hub, token: token ?? ProcessInfo.processInfo.environment["SLIPSTREAM_HUB_TOKEN"], caCertificateFile: caCertificate,
                clientCertificate: clientCertificate, timeout: .seconds(timeout ?? 10)))
    }
}
