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

    /// Runs `body` with the hub the options name: the server of `--hub`, else a hub over the store of
    /// `store` with `configuration`.
    func withEndpoint<Result: Sendable>(
        store: HubStoreOptions, configuration: HubConfiguration, _ body: (any HubEndpoint) async throws -> Result
    ) async throws -> Result {
        guard let hub else {
            guard caCertificate == nil else { throw ValidationError("--ca-cert is for a hub server: give --hub https://…") }
            return try await store.withStore { try await body(Hub(store: $0, configuration: configuration)) }
        }
        guard store.store == nil else { throw ValidationError("--hub and --store each name a hub: give one") }
        return try await body(
            try HubClient(
                url: hub, token: token ?? ProcessInfo.processInfo.environment["SLIPSTREAM_HUB_TOKEN"], caCertificateFile: caCertificate))
    }
}
