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
        let strict = WireParser(profile: .strict, configuration: configuration)
        let lenient = WireParser(profile: .lenient, configuration: configuration)
        var invalid = 0
        for line in input.lines(nil) {
            var error: WireError?
            var outcome: WireParser.Outcome?
            let number: Int
            switch line {
            case .text(let text, let n):
                number = n
                do throws(WireError) {
                    outcome = try lenient.parseReportingRepairs(text)
                } catch let failure {
                    error = failure
                }
                if profile == .strict, error == nil {
                    do throws(WireError) { _ = try strict.parse(text) } catch let failure { error = failure }
                }
            case .tooLong(let n, let bytes):
                number = n
                error = .lineTooLong(bytes: bytes, limit: input.maxLineBytes)
            }
            let valid = error == nil
            if !valid { invalid += 1 }
            if json {
                Output.json(
                    .object([
                        ("line", .int(number)), ("valid", .bool(valid)),
                        (
                            "error",
                            error.map {
                                .object([
                                    ("code", .string($0.code.rawValue)), ("message", .string($0.message)),
                                    ("offset", $0.offset.map(JSONValue.int) ?? .null),
                                ])
                            } ?? .null
                        ),
                        ("normalized", .string(outcome?.message.wire)),
                        ("repairs", .array((outcome?.repairs ?? []).map(\.json))),
                    ]))
            } else if let error {
                Output.line("line \(number): invalid: \(error)" + (outcome.map { " (repairs to: \($0.message.wire))" } ?? ""))
            } else if let outcome, !outcome.repairs.isEmpty {
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
