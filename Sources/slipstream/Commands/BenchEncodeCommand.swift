import ArgumentParser
import Foundation
import SlipstreamTokenizers

/// `slipstream bench encode`: single-core encode throughput on a TQT dataset's texts.
///
/// The input is every conversation value (system, human, gpt) of every row, the same texts that
/// `scripts/bench_tiktoken.py` gives tiktoken; the best of `--repeat` passes is reported.
struct BenchEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode throughput (MB/s, one core) on every text of a TQT JSONL file; see scripts/bench_tiktoken.py.")

    @Option(help: "A TQT JSONL file (ShareGPT conversations).")
    var dataset: String

    @OptionGroup var options: TokenizerOptions

    @Option(help: "Passes over the texts; the fastest is reported.")
    var `repeat` = 10

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let tokenizer = try options.load()
        struct Row: Decodable {
            struct Turn: Decodable { var value: String }
            var conversations: [Turn]
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: dataset))
        var texts: [String] = []
        for line in data.split(separator: 0x0A) {
            if let row = try? JSONDecoder().decode(Row.self, from: Data(line)) {
                texts.append(contentsOf: row.conversations.map(\.value))
            }
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        var tokens = 0
        let clock = ContinuousClock()
        for _ in 0..<max(1, `repeat`) {
            var total = 0
            let elapsed = clock.measure {
                for text in texts { total &+= tokenizer.encode(text).count }
            }
            tokens = total
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        let megabytesPerSecond = Double(bytes) / best / 1e6
        if json {
            Output.line(
                "{\"tokenizer\":\"\(tokenizer.name)\",\"texts\":\(texts.count),\"bytes\":\(bytes),\"tokens\":\(tokens),\"seconds\":\(best),\"mbps\":\(megabytesPerSecond)}"
            )
        } else {
            Output.line(
                "\(tokenizer.name): \(texts.count) texts, \(bytes) bytes, \(tokens) tokens, best \(String(format: "%.4f", best)) s, \(String(format: "%.1f", megabytesPerSecond)) MB/s"
            )
        }
    }
}
