import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamHub
import SlipstreamHubClient
import SlipstreamMCP
import SlipstreamStores

/// The hub the MCP server's hub tools use (`slipstream mcp --hub-store …` or `--hub URL`), and its rules.
struct MCPHubOptions: ParsableArguments {
    @Option(
        name: .customLong("hub-store"),
        help: ArgumentHelp(
            StoreLocation.help("the hub's messages", defaultFile: "hub.sqlite") + " The same default as `slipstream hub`.",
            valueName: "path-or-url"))
    var store: String?

    @Option(
        name: .customLong("hub"), help: ArgumentHelp("A hub server to use instead of a store (`slipstream hub serve`).", valueName: "url"))
    var server: String?

    @Option(
        name: .customLong("hub-token"), help: "The hub server's bearer token: the admin's, or an agent's (default: $SLIPSTREAM_HUB_TOKEN).")
    var token: String?

    @Option(
        name: .customLong("hub-ca-cert"),
        help: ArgumentHelp(
            "A PEM file of the CA certificates (or the self-signed certificate) to trust for an https:// --hub, instead of the system's.",
            valueName: "file"))
    var caCertificate: String?

    @Option(
        name: .customLong("hub-client-cert"),
        help: ArgumentHelp(
            "A PEM file of the client certificate to present to an https:// --hub that asks for one (with --hub-client-key).",
            valueName: "file"))
    var clientCert: String?

    @Option(
        name: .customLong("hub-client-key"),
        help: ArgumentHelp("The PEM file of the hub client certificate's private key (unencrypted).", valueName: "file"))
    var clientKey: String?

    @Option(
        name: .customLong("hub-timeout"),
        help: "Seconds a request to a --hub server may take, connecting included; a slip_receive's wait on top (default: 10).")
    var timeout: Double?

    @Option(name: .customLong("hub-max-wait"), help: "Longest slip_receive waits for a first message, in seconds.")
    var maxWait = 30

    @Option(name: .customLong("hub-rate"), help: "Messages per second a sender may keep sending through a hub store (0: no limit).")
    var rate = 0.0

    @Option(name: .customLong("hub-burst"), help: "Messages a sender may send at once, with --hub-rate.")
    var burst = 10

    @Option(
        name: .customLong("hub-max-pending"),
        help: "Most unacknowledged messages a recipient's mailbox may hold in a hub store; a send to a full one is refused (0: no limit).")
    var maxPending = HubConfiguration.defaultMaxPending

    @Flag(name: .customLong("hub-lenient"), help: "Accept wires the lenient profile can repair, and store the repaired wire.")
    var lenient = false

    func validate() throws {
        guard (0...86_400).contains(maxWait), rate >= 0, rate.isFinite, burst >= 1, maxPending >= 0 else {
            throw ValidationError(
                "--hub-max-wait must be 0 to 86400 seconds, --hub-rate a finite number at least 0, --hub-burst at least 1, "
                    + "--hub-max-pending at least 0")
        }
        if server != nil, store != nil { throw ValidationError("--hub and --hub-store each name a hub: give one") }
        if caCertificate != nil, server == nil { throw ValidationError("--hub-ca-cert is for a hub server: give --hub https://…") }
        if timeout != nil, server == nil { throw ValidationError("--hub-timeout is for a hub server: give --hub URL") }
        guard (clientCert == nil) == (clientKey == nil) else {
            throw ValidationError("--hub-client-cert and --hub-client-key go together: give both")
        }
        if clientCert != nil, server == nil { throw ValidationError("--hub-client-cert is for a hub server: give --hub https://…") }
        try HubRemoteOptions.validate(timeout: timeout, option: "--hub-timeout")
    }

    /// The hub the options name.
    var location: SlipstreamMCPServer.HubLocation {
        guard let server else { return .store(StoreLocation(store, defaultFile: "hub.sqlite")) }
        return .server(
            url: server, token: token ?? ProcessInfo.processInfo.environment["SLIPSTREAM_HUB_TOKEN"], caCertificateFile: caCertificate,
            clientCertificate: clientCert.map { HubClient.ClientCertificate(certificateFile: $0, keyFile: clientKey ?? "") },
            timeout: .seconds(timeout ?? 10))
    }

    /// The local hub's rules, its line limit `maxWireBytes`.
    func configuration(maxWireBytes: Int) -> HubConfiguration {
        HubConfiguration(
            profile: lenient ? .lenient : .strict, maxLineBytes: maxWireBytes,
            rateLimit: .init(messagesPerSecond: rate, burst: burst), maxWait: .seconds(maxWait), maxPending: maxPending)
    }
}
