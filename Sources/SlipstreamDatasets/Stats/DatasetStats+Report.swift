import Foundation
import SlipstreamCore

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

    /// The statistics as `data stats --json` prints them; `tokenizer` names the encoding of the token
    /// counts (nil when they were not measured), `note` says why they were not.
    public func json(tokenizer: String?, note: String?) -> JSONValue {
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

    /// The statistics as `data stats` prints them, one text line each.
    public func lines(file: String, tokenizer: String, note: String?) -> [String] {
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
