import ArgumentParser
import Foundation
import Hummingbird
import SlipstreamCore
import SlipstreamHub
import SlipstreamHubServer

/// `slipstream hub serve`: the hub's HTTP server, for agents on many machines.
struct HubServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the hub over HTTP (docs/hub.md lists the routes).",
        discussion: """
            Prints `listening on http://HOST:PORT` once it accepts connections. Servers sharing one store (a \
            SQLite file, or --store postgres://…) share the mailboxes and each sender's rate budget: a receiver \
            waiting on one wakes on a send through another.
            """)

    @OptionGroup var store: HubStoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: a free one).")
    var port = 7600

    @Option(help: "The bearer token every request but /v1/health must carry (default: $SLIPSTREAM_HUB_TOKEN).")
    var token: String?

    @Option(help: "Messages per second a sender may keep sending, through all servers on the store (0: no limit).")
    var rate = HubServerConfiguration.defaultRateLimit.messagesPerSecond

    @Option(help: "Messages a sender may send at once.")
    var burst = HubServerConfiguration.defaultRateLimit.burst

    @Option(help: "Largest request body, in bytes.")
    var maxBodyBytes = 1 << 20

    @Option(help: "Longest a receive may wait, in seconds (at most a day).")
    var maxWait = 30

    @OptionGroup var input: WireInputOptions

    @OptionGroup var wires: HubWireOptions

    func validate() throws {
        guard rate >= 0, rate.isFinite, burst >= 0, maxBodyBytes > 0, input.maxLineBytes > 0, (0...86_400).contains(maxWait) else {
            throw ValidationError(
                "--rate (finite) and --burst must be at least 0, --max-wait 0 to 86400 seconds, --max-body-bytes and --max-line-bytes above 0"
            )
        }
    }

    func run() async throws {
        var hub = try wires.configuration(input)
        hub.rateLimit = HubConfiguration.RateLimit(messagesPerSecond: rate, burst: burst)
        hub.maxWait = .seconds(maxWait)
        let configuration = HubServerConfiguration(
            host: host, port: port, hub: hub,
            token: token ?? ProcessInfo.processInfo.environment["SLIPSTREAM_HUB_TOKEN"], maxBodyBytes: maxBodyBytes)
        try await store.withStore { store in
            let app = buildHubApplication(configuration: configuration, store: store) { port in
                Output.line("listening on http://\(host):\(port)")
                Output.flush()
            }
            try await app.runService()
        }
    }
}
