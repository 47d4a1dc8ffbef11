import ArgumentParser
import SlipstreamCore
import SlipstreamDatasets

/// `slipstream data check`: every problem of every row.
struct DataCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem of every row of a TQT JSONL file; exit 1 if there is an error.",
        discussion: """
            Errors: no_rows, line_too_long, not_json, wrong_shape, missing_turn, unusable_record, unknown_anchor, wrong_version, \
            wire_not_strict (with the lenient repair), quantize_anchor_mismatch, quantize_coordinates_mismatch, \
            unknown_quantize_word, conflicting_duplicate, leaked_text (with --against). Warnings (exit status 0): blank_line, missing_system_prompt, \
            extra_turns, damaged_text, incomplete_quantize, quantize_version_mismatch, system_prompt_version_mismatch, duplicate_text, \
            unknown_anchor for a v3 pair outside the v3 codebook. See docs/data.md.
            """)

    @OptionGroup var input: DatasetFileOptions

    @Option(help: "The wire version every row must have (default: either).")
    var wire: WireVersion?

    @Flag(help: "Count wires the lenient parser repairs as warnings, not errors.")
    var lenient = false

    @Option(help: "A v1 codebook JSON file (slipcore UCR.save layout) to check anchors against.")
    var ucr: String?

    @Flag(help: "Print one JSON object per problem, then {\"summary\": …}.")
    var json = false

    @Flag(help: "Print only the summary.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "A training file the checked (test) file must not share a human text with (leaked_text errors).", valueName: "file"))
    var against: String?

    func run() async throws {
        var wireConfiguration = WireParser.Configuration()
        if let ucr { wireConfiguration.v1Codebook = try UCR.load(contentsOf: ucr) }
        var checker = DatasetChecker(
            configuration: .init(wire: wire, acceptRepairedWires: lenient, wireConfiguration: wireConfiguration))
        let name = input.name
        if let against {
            var reference = input
            reference.file = against
            try await reference.withLines { reader in
                while let line = reader.next() {
                    guard case .text(let text, let number) = line, let human = try? DatasetRow(jsonLine: text).human else { continue }
                    checker.addReference(text: human, line: number, name: reference.name)
                }
            }
        }
        try await input.withLines { reader in
            while let line = reader.next() {
                switch line {
                case .text(let text, let number):
                    for problem in checker.check(text, number: number) { report(problem, file: name) }
                case .tooLong(let number, let bytes):
                    report(checker.lineTooLong(number: number, bytes: bytes, limit: input.maxLineBytes), file: name)
                }
            }
        }
        for problem in checker.finish() { report(problem, file: name) }
        let summary = checker.summary
        if json {
            Output.json(.object([("summary", summary.json)]))
        } else {
            for line in summary.lines(file: name) { Output.line(line) }
        }
        Output.flush()
        if !summary.passed { throw ExitCode(1) }
    }

    private func report(_ problem: DatasetProblem, file: String) {
        if quiet { return }
        if json {
            Output.json(problem.json)
        } else {
            Output.line("\(file):\(problem.line): \(problem.severity): \(problem.message) [\(problem.code)]")
        }
    }
}
