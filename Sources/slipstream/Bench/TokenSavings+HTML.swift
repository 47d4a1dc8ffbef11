import Foundation
import SlipstreamTokenizers

extension TokenSavings {
    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

    /// Horizontal bars: one labelled bar per (label, value), scaled to the largest value.
    private static func barChart(title: String, bars: [(label: String, value: Double, color: String)]) -> String {
        let labelWidth = 150.0
        let barArea = 520.0
        let rowHeight = 26.0
        let height = 40 + Double(bars.count) * rowHeight
        let maxValue = max(bars.map(\.value).max() ?? 1, 1)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(escape(title))" width="\(Int(labelWidth + barArea + 80))" height="\(Int(height))" font-family="system-ui, sans-serif" font-size="13">
            <title>\(escape(title))</title>
            <text x="0" y="18" font-weight="bold">\(escape(title))</text>

            """
        for (index, bar) in bars.enumerated() {
            let y = 32 + Double(index) * rowHeight
            let width = max(1, bar.value / maxValue * barArea)
            svg += """
                <text x="\(format(labelWidth - 8))" y="\(format(y + 15))" text-anchor="end">\(escape(bar.label))</text>
                <rect x="\(format(labelWidth))" y="\(format(y + 2))" width="\(format(width))" height="18" fill="\(bar.color)" rx="2"/>
                <text x="\(format(labelWidth + width + 6))" y="\(format(y + 15))">\(format(bar.value))</text>

                """
        }
        return svg + "</svg>"
    }

    /// A self-contained HTML report with inline SVG charts.
    var html: String {
        let colors: [Representation: String] = [
            .instruction: "#8c8c8c", .jsonCompact: "#d08c2c", .jsonPretty: "#e0a95a", .a2aEnvelope: "#b05a2c",
            .slipV1: "#2c7bd0", .slipV3: "#2ca0a0", .tqtOutput: "#7a5ad0",
        ]
        let meansChart = Self.barChart(
            title: "Mean tokens per message (\(tokenizer))",
            bars: Representation.allCases.map { ($0.rawValue, summary($0).mean, colors[$0]!) })
        var anchorBars: [(String, Double, String)] = []
        for (anchor, _) in anchors.prefix(12) {
            anchorBars.append(("\(anchor) json", summary(.jsonCompact, anchor: anchor).mean, colors[.jsonCompact]!))
            anchorBars.append(("\(anchor) v1", summary(.slipV1, anchor: anchor).mean, colors[.slipV1]!))
        }
        let anchorChart = Self.barChart(
            title: "Compact JSON vs SLIP v1, mean tokens, 12 most frequent anchors", bars: anchorBars)

        var summaryRows = ""
        for representation in Representation.allCases {
            let s = summary(representation)
            summaryRows +=
                "<tr><td>\(representation.rawValue)</td><td>\(Self.format(s.mean))</td><td>\(Self.format(s.median))</td><td>\(s.total)</td></tr>\n"
        }
        var reductionRows = ""
        for candidate in Representation.candidates {
            reductionRows += "<tr><td>\(candidate.rawValue)</td>"
            for baseline in Representation.baselines {
                let r = reduction(candidate, versus: baseline)
                reductionRows +=
                    "<td>\(Self.format(r.ofMeans * 100))% <small>(\(Self.format(r.medianPerRow * 100))%)</small></td>"
            }
            reductionRows += "</tr>\n"
        }
        var anchorRows = ""
        for (anchor, count) in anchors {
            anchorRows += "<tr><td>\(Self.escape(anchor))</td><td>\(count)</td>"
            for representation in [Representation.instruction, .jsonCompact, .a2aEnvelope, .slipV1, .slipV3, .tqtOutput] {
                anchorRows += "<td>\(Self.format(summary(representation, anchor: anchor).mean))</td>"
            }
            anchorRows += "<td>\(Self.format(reduction(.slipV1, versus: .jsonCompact, anchor: anchor).ofMeans * 100))%</td></tr>\n"
        }
        let baselineHeaders = Representation.baselines.map { "<th>vs \($0.rawValue)</th>" }.joined()
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Slipstream token savings – \(tokenizer)</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; color: #222; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            small { color: #666; }
            </style></head><body>
            <h1>Slipstream token savings</h1>
            <p>Tokenizer <b>\(Self.escape(tokenizer))</b>; dataset <code>\(Self.escape(dataset))</code>;
            \(rows.count) rows measured, \(skipped.count) skipped.</p>
            <p>json_compact / json_pretty: <code>{"from","to","intent","payload"}</code> with the wire's fields;
            a2a_envelope: that JSON as a data part of an A2A JSON-RPC <code>message/send</code> request;
            slip_v3: the same message translated to a v3 wire; tqt_output: the model's THOUGHT, QUANTIZE and SLIP lines.</p>
            \(meansChart)
            <h2>Tokens per message</h2>
            <table><tr><th>representation</th><th>mean</th><th>median</th><th>total</th></tr>
            \(summaryRows)</table>
            <h2>Reductions</h2>
            <p>1 − mean(row) / mean(column); the median of per-row reductions in parentheses. Negative means more tokens.</p>
            <table><tr><th></th>\(baselineHeaders)</tr>
            \(reductionRows)</table>
            \(anchorChart)
            <h2>Per anchor (mean tokens)</h2>
            <table><tr><th>anchor</th><th>rows</th><th>instruction</th><th>json_compact</th><th>a2a_envelope</th><th>slip_v1</th><th>slip_v3</th><th>tqt_output</th><th>v1 vs json</th></tr>
            \(anchorRows)</table>
            </body></html>

            """
    }
}
