import ArgumentParser
import SlipstreamCore

/// `slipstream validate`: checks stdin wires against a profile.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate SLIP wires, one per stdin line; exit 0 only when all are valid.",
        discussion: """
            --strict (the default) accepts exactly the grammar and, for an invalid line, still shows the repaired \
            wire under `normalized`. --lenient accepts every line it can repair and lists the repairs.
            """)

    @Flag(help: "Which profile decides validity.")
    var profile: WireParser.Profile = .strict

    @Flag(help: "Print one JSON object per line: line, valid, error{code,message,offset}, normalized, repairs.")
    var json = false

    @OptionGroup var input: WireInputOptions

    func run() throws {
        let configuration = try input.parserConfiguration()
        var invalid = 0
        for line in input.lines(nil) {
            let verdict: WireValidation
            let number: Int
            switch line {
            case .text(let text, let n):
                number = n
                verdict = WireValidation(text, profile: profile, configuration: configuration)
            case .tooLong(let n, let bytes):
                number = n
                verdict = WireValidation(error: .lineTooLong(bytes: bytes, limit: input.maxLineBytes))
            }
            if !verdict.isValid { invalid += 1 }
            if json {
                Output.json(verdict.json(line: number))
            } else if let error = verdict.error {
                Output.line(
                    "line \(number): invalid: \(error)" + (verdict.outcome.map { " (repairs to: \($0.message.wire))" } ?? ""))
            } else if let outcome = verdict.outcome, !outcome.repairs.isEmpty {
                Output.line("line \(number): valid after \(outcome.repairs.count) repair(s): \(outcome.message.wire)")
            } else {
                Output.line("line \(number): valid")
            }
        }
        Output.flush()
        if invalid > 0 { throw ExitCode(1) }
    }
}

extension WireParser.Profile: EnumerableFlag {}
