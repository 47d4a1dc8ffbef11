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

extension DatasetStats {
    /// Counts, most frequent first, with names.
    static func ranked<Key>(_ counts: [Key: Int], name: (Key) -> String) -> [(name: String, count: Int)] {
        counts.map { (name: name($0.key), count: $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }

    var rankedAnchors: [(name: String, count: Int)] { Self.ranked(anchors) { $0 } }
    var rankedForces: [(name: String, count: Int)] { Self.ranked(forces) { $0.rawValue } }

    /// The distributions by name, in output order.
    var distributions: [(name: String, distribution: Distribution)] {
        var list = [("wireBytes", wireBytes), ("payloadTokens", payloadTokens)]
        if countsTokens {
            for role in DatasetRow.Role.allCases { list.append(("\(role.rawValue)Tokens", turnTokens[role] ?? Distribution())) }
            list.append(("wireTokens", wireTokens))
        }
        return list
    }

    func json(tokenizer: String?, note: String?) -> JSONValue {
        .object([
            ("rows", .int(rows)), ("unreadableRows", .int(unreadableRows)),
            ("layouts", .object(Self.ranked(layouts) { $0.rawValue }.map { ($0.name, .int($0.count)) })),
            ("versions", .object(Self.ranked(versions) { $0.rawValue }.map { ($0.name, .int($0.count)) })),
            ("forces", .object(rankedForces.map { ($0.name, .int($0.count)) })),
            ("anchors", .object(rankedAnchors.map { ($0.name, .int($0.count)) })),
            ("fallbackShare", .double(fallbackShare)), ("withThought", .int(withThought)), ("withQuantize", .int(withQuantize)),
            ("repairedWires", .int(repairedWires)), ("duplicateTexts", .int(duplicateTexts)),
            ("distinctSystemPrompts", .int(distinctSystemPrompts)), ("tokenizer", .string(tokenizer)), ("tokenNote", .string(note)),
            ("distributions", .object(distributions.map { ($0.name, $0.distribution.json) })),
        ])
    }

    func lines(file: String, tokenizer: String, note: String?) -> [String] {
        let usable = rows - unreadableRows
        func share(_ count: Int) -> String { usable == 0 ? "" : String(format: " (%.1f%%)", 100 * Double(count) / Double(usable)) }
        func list(_ items: [(name: String, count: Int)]) -> String {
            items.map { "\($0.name) \($0.count)\(share($0.count))" }.joined(separator: ", ")
        }
        var lines = [
            "\(file): \(rows) rows, \(unreadableRows) unreadable (see `slipstream data check`)",
            "layouts: " + Self.ranked(layouts) { $0.rawValue }.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
                + "; wires: " + Self.ranked(versions) { $0.rawValue }.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
            "records: THOUGHT \(withThought)\(share(withThought)), QUANTIZE \(withQuantize)\(share(withQuantize)), "
                + "wires needing a lenient repair \(repairedWires)\(share(repairedWires))",
            "Fallback: \(forces[.fallback] ?? 0) rows" + String(format: " (%.1f%%)", 100 * fallbackShare),
            "system prompts: \(distinctSystemPrompts) distinct; rows repeating an earlier human text: \(duplicateTexts)",
            "forces (\(forces.count)): " + list(rankedForces),
            "anchors (\(anchors.count)): " + list(rankedAnchors),
            Self.row(["distribution", "min", "p50", "p90", "p99", "max", "mean"]),
        ]
        for (name, distribution) in distributions {
            let label = name.hasSuffix("Tokens") && name != "payloadTokens" ? "\(name) (\(tokenizer))" : name
            func cell(_ value: Int?) -> String { value.map(String.init) ?? "-" }
            lines.append(
                Self.row([
                    label, cell(distribution.min), cell(distribution.percentile(0.5)), cell(distribution.percentile(0.9)),
                    cell(distribution.percentile(0.99)), cell(distribution.max),
                    distribution.mean.map { String(format: "%.1f", $0) } ?? "-",
                ]))
        }
        if let note { lines.append(note) }
        return lines
    }
}

extension DatasetStats {
    /// A table row: the first cell left-aligned in 28 columns, the others right-aligned in 7.
    static func row(_ cells: [String]) -> String {
        guard let first = cells.first else { return "" }
        func pad(_ text: String, _ width: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: Swift.max(0, width - text.count))
            return left ? text + fill : fill + text
        }
        return pad(first, 28, left: true) + cells.dropFirst().map { pad($0, 7, left: false) }.joined()
    }
}

extension Distribution {
    /// `{count, min, p50, p90, p99, max, mean}`.
    var json: JSONValue {
        .object([
            ("count", .int(count)), ("min", min.map(JSONValue.int) ?? .null), ("p50", percentile(0.5).map(JSONValue.int) ?? .null),
            ("p90", percentile(0.9).map(JSONValue.int) ?? .null), ("p99", percentile(0.99).map(JSONValue.int) ?? .null),
            ("max", max.map(JSONValue.int) ?? .null), ("mean", mean.map(JSONValue.double) ?? .null),
        ])
    }
}
