import ArgumentParser
import Foundation
import SlipstreamLLM
import SlipstreamTokenizers

/// `slipstream bench tokens`: token savings of SLIP wires versus natural language and JSON.
struct BenchTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Token savings of SLIP wires versus natural language and JSON messages over a TQT dataset.",
        discussion: """
            For every row: tokens of the instruction, of a JSON message with the wire's fields (compact,
            pretty, and inside an A2A message/send envelope), of the SLIP v1 wire, of the same message as a
            v3 wire, and of the full TQT output. Prints means, medians and reductions, overall and per anchor.
            Example: slipstream bench tokens --dataset ../shared/data/tqt-v1-train.jsonl --html report.html
            """)

    @Option(help: "A TQT JSONL file (ShareGPT conversations: system, human, gpt).")
    var dataset: String

    @OptionGroup var options: TokenizerOptions

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Also write an HTML report with inline SVG charts to this file.", valueName: "path"))
    var html: String?

    @Flag(help: "Count with the model server's own tokenizer (llama.cpp /tokenize at --llm-url / SLIPSTREAM_LLM_URL) instead.")
    var serverTokenizer = false

    @OptionGroup var llm: LLMOptions

    func run() async throws {
        let report: TokenSavings
        if serverTokenizer {
            let config = try llm.configuration()
            var measured: TokenSavings?
            try await LLMSession.withBackend(config) { backend in
                measured = try await TokenSavings.measure(datasetPath: dataset, tokenizerName: "server:\(config.model)") {
                    try await backend.tokenize($0, timeout: config.requestTimeout).count
                }
            }
            report = measured!
        } else {
            report = try await TokenSavings.measure(datasetPath: dataset, tokenizer: try options.load())
        }
        if json { Output.json(report.json) } else { Output.line(report.text) }
        if let html {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            Output.error("wrote \(html)")
        }
        Output.flush()
        if report.rows.isEmpty { throw ExitCode(1) }
    }
}
