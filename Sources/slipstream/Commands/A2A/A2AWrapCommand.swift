import ArgumentParser
import SlipstreamA2A
import SlipstreamCore

/// `slipstream a2a wrap`: wires → A2A message JSON lines.
struct A2AWrapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wrap",
        abstract: "Wrap SLIP v3 wires (the argument, or one per stdin line) in A2A messages, one JSON per line.",
        discussion: """
            Each wire must be a valid v3 wire (strict). An invalid line is reported on standard error as \
            `line N: CODE: what was wrong` and skipped; the exit status is then 1.
            """)

    @OptionGroup var options: A2AMessageOptions

    func run() throws {
        let failed = try options.forEachMessage { message, _ in Output.json(message.json) }
        Output.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
