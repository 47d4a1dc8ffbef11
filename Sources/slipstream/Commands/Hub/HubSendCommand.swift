import ArgumentParser
import SlipstreamCore
import SlipstreamHub

/// `slipstream hub send`: one wire, or one per stdin line (streamed).
struct HubSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send SLIP wires through the hub: the argument, or one per stdin line.",
        discussion: """
            Prints each accepted line's id and recipients (a wire to a group goes to its members except the \
            sender). A refused line is named on stderr with its number, code and offset, the others are still \
            sent, and the exit status is 1. Empty lines are skipped. A line refused by a server's rate limit is \
            sent again after the time the server asks for, while the waits for that line add up to at most 60 s.
            """)

    @Argument(help: "The wire to send (default: one per stdin line).")
    var wire: String?

    @Flag(help: "Print one JSON object per line: line, id, recipients, wire, repairs; or line, error.")
    var json = false

    @OptionGroup var input: WireInputOptions

    @OptionGroup var wires: HubWireOptions

    @OptionGroup var store: HubStoreOptions

    @OptionGroup var remote: HubRemoteOptions

    func run() async throws {
        let configuration = try wires.configuration(input)
        let refused = try await remote.withEndpoint(store: store, configuration: configuration) { hub in
            var refused = 0
            for line in input.lines(wire) {
                switch line {
                case .text(let text, let number):
                    if text.allSatisfy(\.isWhitespace) { continue }
                    do throws(HubError) {
                        report(try await hub.send(text, waitingOutRateLimitsFor: .seconds(60)), line: number)
                    } catch {
                        refused += 1
                        report(error, line: number)
                    }
                case .tooLong(let number, let bytes):
                    refused += 1
                    report(
                        HubError(
                            .lineTooLong, "line is \(bytes) bytes, longer than the limit of \(input.maxLineBytes)",
                            offset: input.maxLineBytes), line: number)
                }
                Output.flush()
            }
            return refused
        }
        if refused > 0 { throw ExitCode(1) }
    }

    private func report(_ receipt: HubReceipt, line: Int) {
        if json {
            Output.json(HubReceipt.json(line: line, .success(receipt)))
            return
        }
        let recipients = receipt.recipients.isEmpty ? "nobody" : receipt.recipients.joined(separator: ", ")
        let repaired = receipt.repairs.isEmpty ? "" : " (repaired: \(receipt.wire))"
        Output.line("line \(line): id \(receipt.id) to \(recipients)\(repaired)")
    }

    private func report(_ error: HubError, line: Int) {
        if json { Output.json(HubReceipt.json(line: line, .failure(error))) }
        Output.error("line \(line): \(error)")
    }
}
