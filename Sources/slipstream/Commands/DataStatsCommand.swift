import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamDatasets
import SlipstreamTokenizers

/// `slipstream data stats`: what a dataset holds.
struct DataStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Rows per anchor and Force, Fallback share, wire sizes and token counts of a TQT JSONL file.",
        discussion: """
            Token counts use the tokenizer's rank file from the asset cache (`slipstream assets fetch`) or \
            --rank-file; without one, the output says they were not measured.
            """)

    @OptionGroup var input: DatasetFileOptions

    @Option(help: "The encoding for token counts: cl100k_base or o200k_base.")
    var tokenizer: TokenizerName = .cl100kBase

    @Option(help: ArgumentHelp("A .tiktoken (or .tiktoken.gz) rank file instead of the asset cache's.", valueName: "path"))
    var rankFile: String?

    @Flag(help: "Do not count tokens.")
    var noTokens = false

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() async throws {
        var tokenNote: String?
        var counter: DatasetStats.TokenCounter?
        if !noTokens {
            do {
                let loaded = try Tokenizer.load(tokenizer, rankFile: rankFile)
                counter = { loaded.count($0) }
            } catch {
                tokenNote = "token counts not measured: \(error.message)"
            }
        } else {
            tokenNote = "token counts not measured (--no-tokens)"
        }
        var stats = DatasetStats(tokenCounter: counter)
        try await input.withLines { reader in
            while let line = reader.next() {
                switch line {
                case .text(let text, _): stats.add(text)
                case .tooLong(let number, let bytes):
                    Output.error(
                        "\(input.name):\(number): the line is \(bytes) bytes, longer than the limit of \(input.maxLineBytes); not read")
                    stats.addUnreadable()
                }
            }
        }
        if json {
            Output.json(stats.json(tokenizer: counter == nil ? nil : tokenizer.rawValue, note: tokenNote))
        } else {
            for line in stats.lines(file: input.name, tokenizer: tokenizer.rawValue, note: tokenNote) { Output.line(line) }
        }
        Output.flush()
    }
}
