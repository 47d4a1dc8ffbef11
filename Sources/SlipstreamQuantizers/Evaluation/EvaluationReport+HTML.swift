extension EvaluationReport {
    /// A self-contained HTML page: the headline figures, per-anchor scores and the confusion matrix as a
    /// heat map (inline SVG).
    public func html() -> String {
        func pct(_ x: Double) -> String { String(Int((x * 1000).rounded())).withDecimal + "%" }
        func esc(_ s: String) -> String {
            s.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;").replacingAll("\"", "&quot;")
        }
        var rows = ""
        for score in perAnchor {
            rows +=
                "<tr><td>\(esc(score.anchor))</td><td>\(pct(score.precision))</td><td>\(pct(score.recall))</td>"
                + "<td>\(pct(score.f1))</td><td>\(score.support)</td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>slipstream eval: \(esc(engine))</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}
            td,th{padding:2px 10px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}
            svg text{font-size:11px;font-family:system-ui,sans-serif}</style></head><body>
            <h1>slipstream eval — \(esc(engine))</h1>
            <p>\(esc(dataset)): \(rows) rows\(folds.map { ", \($0)-fold cross-validation" } ?? "")</p>
            <table>
            <tr><th>accuracy</th><td>\(pct(accuracy))</td></tr>
            <tr><th>macro-F1</th><td>\(pct(macroF1))</td></tr>
            <tr><th>ACTION / DOMAIN / URGENCY / POLARITY</th><td>\(pct(dimensions.action)) / \(pct(dimensions.domain)) / \(pct(dimensions.urgency)) / \(pct(dimensions.polarity))</td></tr>
            <tr><th>Fallback precision / recall</th><td>\(pct(fallback.precision)) / \(pct(fallback.recall))</td></tr>
            <tr><th>strict-valid wires</th><td>\(pct(wireValidity))</td></tr>
            <tr><th>dst agreement (when named in text)</th><td>\(pct(dst.agreement)) (\(pct(dst.agreementWhenNamed)) of \(dst.namedInText))</td></tr>
            <tr><th>payload word F1</th><td>\(pct(payload.wordF1))</td></tr>
            <tr><th>latency p50 / p99</th><td>\(micros(latency.p50Micros)) / \(micros(latency.p99Micros))</td></tr>
            </table>
            <h2>Confusion matrix</h2>
            <p>Rows: expected anchor; columns: predicted. Colour: share of the row.</p>
            \(confusionSVG())
            <h2>Per anchor</h2>
            <table><tr><th>anchor</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>
            \(rows)</table>
            </body></html>
            """
    }

    private func micros(_ x: Double) -> String { String(Int(x.rounded())) + " µs" }

    /// The confusion matrix as an SVG heat map.
    func confusionSVG() -> String {
        let labels = confusion.labels
        let n = labels.count
        let cell = 26
        let left = 150
        let top = 150
        let width = left + n * cell + 10
        let height = top + n * cell + 10
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"confusion matrix\">\n"
        for (i, label) in labels.enumerated() {
            let y = top + i * cell + cell / 2 + 4
            svg += "<text x=\"\(left - 6)\" y=\"\(y)\" text-anchor=\"end\">\(label.htmlEscaped)</text>\n"
            let x = left + i * cell + cell / 2 + 4
            svg += "<text x=\"\(x)\" y=\"\(top - 6)\" transform=\"rotate(-60 \(x) \(top - 6))\">\(label.htmlEscaped)</text>\n"
        }
        for i in 0..<n {
            let total = max(1, confusion.matrix[i].reduce(0, +))
            for j in 0..<n {
                let count = confusion.matrix[i][j]
                let share = Double(count) / Double(total)
                // white → blue (diagonal) or white → red (errors)
                let fade = Int((255 * (1 - share)).rounded())
                let colour = i == j ? "rgb(\(fade),\(fade),255)" : "rgb(255,\(fade),\(fade))"
                let x = left + j * cell
                let y = top + i * cell
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(colour)\" stroke=\"#eee\">"
                svg += "<title>\(labels[i].htmlEscaped) → \(labels[j].htmlEscaped): \(count)</title></rect>\n"
                if count > 0 {
                    let ink = share > 0.55 ? "#fff" : "#333"
                    svg += "<text x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\" fill=\"\(ink)\">\(count)</text>\n"
                }
            }
        }
        return svg + "</svg>"
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate var htmlEscaped: String {
        replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;")
    }

    /// "734" → "73.4".
    fileprivate var withDecimal: String {
        let digits = count < 2 ? String(repeating: "0", count: 2 - count) + self : self
        return digits.dropLast() + "." + digits.suffix(1)
    }
}
