import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamDatasets
import SlipstreamLLM

extension ExportFormat: ExpressibleByArgument {}

/// `slipstream data export`: rows in the shapes of slipcore's finetune exporters.
struct DataExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the rows of a TQT JSONL file in a slipcore training format, to stdout.",
        discussion: """
            Formats (slipcore finetune.py): sharegpt (the wire alone as the gpt turn), sharegpt_thought \
            (THOUGHT + SLIP), sharegpt_semantics (THOUGHT + QUANTIZE + SLIP), chat (OpenAI messages), alpaca. \
            The system prompt is the row's own (the wire version's training prompt for a row without one) \
            unless --system-prompt-file is given. A row without a usable record is reported, left out, and \
            makes the exit status 1.
            """)

    @Option(help: "sharegpt, sharegpt_thought, sharegpt_semantics, chat or alpaca.")
    var format: ExportFormat

    @OptionGroup var input: DatasetFileOptions

    @Option(help: ArgumentHelp("A file whose text is the system prompt of every row.", valueName: "path"))
    var systemPromptFile: String?

    func run() async throws {
        var prompt: String?
        if let systemPromptFile {
            do {
                prompt = try String(contentsOfFile: systemPromptFile, encoding: .utf8)
            } catch {
                throw CommandFailure(
                    "cannot read the system prompt file \(systemPromptFile.debugDescription): \(error.localizedDescription)")
            }
        }
        let exporter = DatasetExporter(format: format)
        let name = input.name
        var failures = 0
        try await input.forEachRow { text, number in
            do throws(DatasetError) {
                let row = try DatasetRow(jsonLine: text)
                let example = try TQTExample(row: row, line: number)
                let system = prompt ?? row.system ?? SystemPrompt.forWire(example.record.message.version)
                Output.line(exporter.export(example, systemPrompt: system).pythonLineText)
            } catch {
                failures += 1
                Output.error("\(name):\(number): not exported: \(error.message) [\(error.code)]")
            }
        } tooLong: { number, bytes in
            failures += 1
            Output.error("\(name):\(number): not exported: the line is \(bytes) bytes, longer than the limit of \(input.maxLineBytes)")
        }
        Output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
