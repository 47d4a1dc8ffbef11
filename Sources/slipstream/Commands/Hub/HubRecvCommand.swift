import ArgumentParser
import SlipstreamHub

/// `slipstream hub recv`: an agent's messages, acknowledged once printed.
struct HubRecvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recv",
        abstract: "Print an agent's unacknowledged messages, oldest first, and acknowledge them.",
        discussion: """
            Without --follow, prints every message waiting now (waiting up to --wait seconds for a first one) and \
            exits. With --follow, keeps printing messages as they arrive. Messages are acknowledged after they \
            are printed, so a recv that stops before that prints them again next time (at-least-once).
            """)

    @Argument(help: "The agent whose mailbox to read.")
    var agent: String

    @Option(help: "Most messages to print (default: every waiting one; with --follow, no limit).")
    var limit: Int?

    @Flag(help: "Keep waiting for messages and print them as they arrive.")
    var follow = false

    @Option(help: "Seconds to wait for a first message, without --follow.")
    var wait: Double = 0

    @Flag(name: .customLong("no-ack"), help: "Do not acknowledge: the messages will be received again.")
    var noAck = false

    @Flag(help: "Print one JSON object per message: id, src, dst, recipient, wire, version, sentAt.")
    var json = false

    @OptionGroup var store: HubStoreOptions

    @OptionGroup var remote: HubRemoteOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if !(0...3600).contains(wait) { throw ValidationError("--wait must be between 0 and 3600 seconds") }
    }

    func run() async throws {
        let configuration = HubConfiguration()
        try await remote.withEndpoint(store: store, configuration: configuration) { hub in
            var printed = 0
            var after: Int64 = 0
            repeat {
                let messages = try await hub.receive(
                    agent: agent, after: after, limit: limit.map { $0 - printed },
                    wait: follow ? configuration.maxWait : printed == 0 ? HubTime.duration(seconds: wait) : .zero)
                for message in messages {
                    if json { Output.json(message.json) } else { Output.line(message.wire) }
                }
                Output.flush()
                guard let last = messages.last else {
                    if follow { continue } else { break }
                }
                after = last.id
                printed += messages.count
                if !noAck { try await hub.acknowledge(agent: agent, through: last.id) }
            } while printed < (limit ?? .max)
        }
    }
}
