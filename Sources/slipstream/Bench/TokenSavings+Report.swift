import Foundation
import SlipstreamCore
import SlipstreamTokenizers

extension TokenSavings {
    private static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    private static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// The report as plain text tables.
    var text: String {
        var out: [String] = []
        out.append("bench tokens: \(rows.count) rows (\(skipped.count) skipped) of \(dataset), tokenizer \(tokenizer)")
        out.append("")
        out.append(Self.pad("representation", 16) + Self.padLeft("mean", 10) + Self.padLeft("median", 10) + Self.padLeft("total", 12))
        for representation in Representation.allCases {
            let s = summary(representation)
            out.append(
                Self.pad(representation.rawValue, 16) + Self.padLeft(Self.number(s.mean), 10)
                    + Self.padLeft(Self.number(s.median), 10) + Self.padLeft(String(s.total), 12))
        }
        out.append("")
        out.append("reduction = 1 - mean(row)/mean(column); median of per-row reductions in parentheses")
        out.append(Self.pad("", 12) + Representation.baselines.map { Self.padLeft("vs \($0.rawValue)", 22) }.joined())
        for candidate in Representation.candidates {
            var line = Self.pad(candidate.rawValue, 12)
            for baseline in Representation.baselines {
                let r = reduction(candidate, versus: baseline)
                line += Self.padLeft("\(Self.percent(r.ofMeans)) (\(Self.percent(r.medianPerRow)))", 22)
            }
            out.append(line)
        }
        out.append("")
        out.append("per anchor: rows, mean tokens, SLIP v1 reduction vs json_compact and vs instruction")
        out.append(
            Self.pad("anchor", 22) + Self.padLeft("rows", 6) + Self.padLeft("instr", 8) + Self.padLeft("json", 8)
                + Self.padLeft("v1", 6) + Self.padLeft("v3", 6) + Self.padLeft("tqt", 7) + Self.padLeft("v1/json", 10)
                + Self.padLeft("v1/instr", 10))
        for (anchor, count) in anchors {
            out.append(
                Self.pad(anchor, 22) + Self.padLeft(String(count), 6)
                    + Self.padLeft(Self.number(summary(.instruction, anchor: anchor).mean), 8)
                    + Self.padLeft(Self.number(summary(.jsonCompact, anchor: anchor).mean), 8)
                    + Self.padLeft(Self.number(summary(.slipV1, anchor: anchor).mean), 6)
                    + Self.padLeft(Self.number(summary(.slipV3, anchor: anchor).mean), 6)
                    + Self.padLeft(Self.number(summary(.tqtOutput, anchor: anchor).mean), 7)
                    + Self.padLeft(Self.percent(reduction(.slipV1, versus: .jsonCompact, anchor: anchor).ofMeans), 10)
                    + Self.padLeft(Self.percent(reduction(.slipV1, versus: .instruction, anchor: anchor).ofMeans), 10))
        }
        for (line, reason) in skipped.prefix(5) { out.append("skipped line \(line): \(reason)") }
        return out.joined(separator: "\n")
    }

    private func summaryJSON(anchor: String? = nil) -> JSONValue {
        .object(
            Representation.allCases.map { representation in
                let s = summary(representation, anchor: anchor)
                return (
                    representation.rawValue,
                    .object([("mean", .double(s.mean)), ("median", .double(s.median)), ("total", .int(s.total))])
                )
            })
    }

    private func reductionsJSON(anchor: String? = nil) -> JSONValue {
        .object(
            Representation.candidates.map { candidate in
                (
                    candidate.rawValue,
                    .object(
                        Representation.baselines.map { baseline in
                            let r = reduction(candidate, versus: baseline, anchor: anchor)
                            return (
                                baseline.rawValue,
                                .object([("ofMeans", .double(r.ofMeans)), ("medianPerRow", .double(r.medianPerRow))])
                            )
                        })
                )
            })
    }

    /// The report as one JSON object.
    var json: JSONValue {
        .object([
            ("tokenizer", .string(tokenizer)), ("dataset", .string(dataset)), ("rows", .int(rows.count)),
            ("skipped", .array(skipped.map { .object([("line", .int($0.line)), ("reason", .string($0.reason))]) })),
            ("representations", summaryJSON()), ("reductions", reductionsJSON()),
            (
                "anchors",
                .array(
                    anchors.map { anchor, count in
                        .object([
                            ("anchor", .string(anchor)), ("rows", .int(count)),
                            ("representations", summaryJSON(anchor: anchor)),
                            ("reductions", reductionsJSON(anchor: anchor)),
                        ])
                    })
            ),
        ])
    }
}
