import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SlipstreamCore
import SlipstreamHub
import SlipstreamHubServer

/// `slipstream hub serve`: the hub's HTTP server, for agents on many machines.
struct HubServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the hub over HTTP or HTTPS (docs/hub.md lists the routes).",
        discussion: """
            Prints `listening on http://HOST:PORT` (https with --tls-cert and --tls-key) once it accepts \
            connections. Servers sharing one store (a SQLite file, or --store postgres://…) share the \
            mailboxes and each sender's rate budget: a receiver waiting on one wakes on a send through \
            another. With --token (the admin's: any agent) or --agent-tokens, every request needs a token; an \
            agent's token (`slipstream hub token issue`) acts only as its agent. Tokens on an address other than \
            loopback need TLS, or --allow-insecure.
            """)

    @OptionGroup var store: HubStoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: a free one).")
    var port = 7600

    @Option(
        help: """
            The admin bearer token, acting as any agent; every request but /v1/health must carry it or an agent's token \
            (default: $SLIPSTREAM_HUB_TOKEN).
            """)
    var token: String?

    @Flag(help: "Require an agent's token (`hub token issue`) from every request but /v1/health, also without --token.")
    var agentTokens = false

    @OptionGroup var tls: ServerTLSOptions

    @Option(help: "Messages per second a sender may keep sending, through all servers on the store (0: no limit).")
    var rate = HubServerConfiguration.defaultRateLimit.messagesPerSecond

    @Option(help: "Messages a sender may send at once.")
    var burst = HubServerConfiguration.defaultRateLimit.burst

    @Option(help: "Largest request body, in bytes.")
    var maxBodyBytes = 1 << 20

    @Option(help: "Longest a receive may wait, in seconds (at most a day).")
    var maxWait = 30

    @Option(help: "What to log on stderr: trace, debug, info (also one line per request), notice, warning, error or critical.")
    var logLevel: Logger.Level = .warning

    @OptionGroup var input: WireInputOptions

    @OptionGroup var wires: HubWireOptions

    func validate() throws {
        guard rate >= 0, rate.isFinite, burst >= 0, maxBodyBytes > 0, input.maxLineBytes > 0, (0...86_400).contains(maxWait) else {
            throw ValidationError(
                "--rate (finite) and --burst must be at least 0, --max-wait 0 to 86400 seconds, --max-body-bytes and --max-line-bytes above 0"
            )
        }
        try tls.validate(host: host, checksTokens: resolvedToken != nil || agentTokens)
    }

    /// --token, else $SLIPSTREAM_HUB_TOKEN.
    private var resolvedToken: String? { token ?? ProcessInfo.processInfo.environment["SLIPSTREAM_HUB_TOKEN"] }

    func run() async throws {
        var hub = try wires.configuration(input)
        hub.rateLimit = HubConfiguration.RateLimit(messagesPerSecond: rate, burst: burst)
        hub.maxWait = .seconds(maxWait)
        let configuration = HubServerConfiguration(
            host: host, port: port, hub: hub, token: resolvedToken, agentTokens: agentTokens, maxBodyBytes: maxBodyBytes,
            tls: try tls.configuration())
        if configuration.exposesTokenInClearText {  // only with --allow-insecure (validate)
            Output.error("warning: the token crosses the network in clear text (--allow-insecure without --tls-cert)")
        }
        try await store.withStore { store in
            if !configuration.checksTokens, let count = try? await store.tokens().count, count > 0 {
                Output.error(
                    "warning: the store holds \(count) agent token\(count == 1 ? "" : "s"), but this server checks none "
                        + "(no --token or --agent-tokens): any client may act as any agent")
            }
            var logger = Logger(label: "slipstream.hub.server") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = logLevel
            let app = buildHubApplication(configuration: configuration, store: store, logger: logger) { port in
                Output.line("listening on \(configuration.scheme)://\(host):\(port)")
                Output.flush()
            }
            try await app.runService()
        }
    }
}
