import ArgumentParser
import SlipstreamCore
import SlipstreamDatasets
import SlipstreamLLM

/// `slipstream data generate`: synthetic rows after slipcore's generator.
struct DataGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write N synthetic TQT rows (slipcore finetune.py's templates) to stdout; all pass `data check`.",
        discussion: """
            Rows are ShareGPT conversations with the wire version's training system prompt and a full record \
            (THOUGHT, QUANTIZE, SLIP). The templates give a limited number of distinct rows (see stderr); \
            beyond it rows repeat, which `data check` reports as duplicate_text warnings.
            """)

    @Option(name: [.customShort("n"), .customLong("count")], help: "How many rows.")
    var count = 500

    @Option(help: "Seed of the row order.")
    var seed: UInt64 = 42

    @Option(help: "The wire version.")
    var wire: WireVersion = .v3

    @Flag(help: "Leave out Fallback rows.")
    var noFallbacks = false

    func validate() throws {
        guard count >= 0 else { throw ValidationError("-n must not be negative") }
    }

    func run() throws {
        let generator = DatasetGenerator(
            wire: wire, seed: seed, systemPrompt: SystemPrompt.forWire(wire), includeFallbacks: !noFallbacks)
        for row in generator.rows(count: count) { Output.line(row.json.pythonLineText) }
        Output.flush()
        if count > generator.distinctRows {
            Output.error("\(count) rows from \(generator.distinctRows) distinct ones: rows repeat")
        }
    }
}
