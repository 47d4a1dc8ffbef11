import ArgumentParser
import SlipstreamCore
import SlipstreamDatasets
import SlipstreamLLM

/// `slipstream data convert`: rows to another wire version.
struct DataConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert the rows of a TQT JSONL file to another wire version (v1 <-> v3), to stdout.",
        discussion: """
            Each row keeps its layout and THOUGHT; the system prompt becomes the target version's training \
            prompt, the QUANTIZE line takes the target's form (Force=… Object=… or the anchor's dimension \
            words), the wire goes through `translate` (v1 Fallback texts go to the fallback store). What does \
            not carry over exactly is reported per row on stderr; a row without a usable record is reported, \
            left out, and makes the exit status 1.
            """)

    @Option(help: "The target version.")
    var to: WireVersion

    @OptionGroup var input: DatasetFileOptions

    @OptionGroup var store: FallbackStoreOptions

    func run() async throws {
        let failures = try await store.withStore { try await convert(store: $0) }
        if failures > 0 { throw ExitCode(1) }
    }

    private func convert(store: any FallbackStore) async throws -> Int {
        let converter = DatasetConverter(
            to: to, translator: Translator(store: store), systemPrompts: [.v1: SystemPrompt.v1, .v3: SystemPrompt.v3])
        let name = input.name
        var (rows, lossy, failures) = (0, 0, 0)
        try await input.forEachRow { text, number in
            rows += 1
            do {
                let row = try DatasetRow(jsonLine: text)
                let conversion = try await converter.convert(row, line: number)
                Output.line(conversion.row.json.pythonLineText)
                if !conversion.losses.isEmpty { lossy += 1 }
                for loss in conversion.losses { Output.error("\(name):\(number): \(loss)") }
            } catch let error as DatasetError {
                failures += 1
                Output.error("\(name):\(number): not converted: \(error.message) [\(error.code)]")
            }
        } tooLong: { number, bytes in
            rows += 1
            failures += 1
            Output.error("\(name):\(number): not converted: the line is \(bytes) bytes, longer than the limit of \(input.maxLineBytes)")
        }
        Output.flush()
        Output.error("\(name): \(rows - failures) of \(rows) rows converted to \(to.rawValue), \(lossy) with losses, \(failures) failed")
        return failures
    }
}
