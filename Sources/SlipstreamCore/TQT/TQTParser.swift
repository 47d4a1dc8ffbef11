/// Finds the THOUGHT, QUANTIZE and SLIP lines in model output.
struct TQTParser {
    var wireParser: WireParser
    /// The longest record text accepted, in bytes.
    var maxBytes = 64 * 1024

    private enum Tag { case thought, quantize, slip }

    func parse(_ text: String) throws(TQTError) -> TQTRecord {
        guard text.utf8.count <= maxBytes else {
            throw TQTError(.tooLong, "record is \(text.utf8.count) bytes, longer than the limit of \(maxBytes)")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw TQTError(.empty, "the record is empty: expected THOUGHT:, QUANTIZE: and SLIP: lines")
        }
        var thought: String?
        var quantize: QuantizeLine?
        var wire: (text: String, line: Int)?
        var current: Tag?
        for (number, rawLine) in lines.enumerated() {
            let line = Self.undecorated(rawLine)
            if let (tag, body) = Self.tagged(line) {
                current = tag
                switch tag {
                case .thought: if thought == nil { thought = body }
                case .quantize: if quantize == nil { quantize = QuantizeLine.parse(body) }
                case .slip: if wire == nil, !body.isEmpty { wire = (body, number + 1) }
                }
                continue
            }
            if line.isEmpty || line.hasPrefix("```") {
                current = nil
                continue
            }
            // A wire without a SLIP: label, or a THOUGHT that runs onto the next line.
            if wire == nil, let range = line.firstRange(of: "SLIP v") ?? line.firstRange(of: "slip v") {
                wire = (String(line[range.lowerBound...]), number + 1)
            } else if current == .thought, let existing = thought {
                thought = existing.isEmpty ? String(line) : existing + " " + line
            } else if current == .slip, wire == nil {
                wire = (String(line), number + 1)
            }
        }
        guard let wire else {
            let has = [thought != nil ? "THOUGHT" : nil, quantize != nil ? "QUANTIZE" : nil].compactMap { $0 }
            throw TQTError(
                .missingWire,
                "no SLIP line found (expected a line like `SLIP: SLIP v1 <src> <dst> <Anchor> ...`)"
                    + (has.isEmpty ? "; no THOUGHT or QUANTIZE line either" : "; found \(has.joined(separator: " and "))"))
        }
        let outcome: WireParser.Outcome
        do {
            outcome = try wireParser.parseReportingRepairs(wire.text)
        } catch {
            throw TQTError(.invalidWire, "the SLIP line cannot be used: \(error.message)", line: wire.line, wireError: error)
        }
        return TQTRecord(thought: thought, quantize: quantize, message: outcome.message, rawWire: wire.text, repairs: outcome.repairs)
    }

    /// The line without surrounding whitespace, bullets and bold markers.
    private static func undecorated(_ line: Substring) -> String {
        var s = line.drop(while: { $0.isWhitespace || $0 == ">" })
        if s.hasPrefix("- ") || s.hasPrefix("* ") { s = s.dropFirst(2) }
        var text = String(s).trimmingWhitespace()
        text = text.replacingAll("**", with: "")
        return text
    }

    /// `THOUGHT: …`, `QUANTIZE: …`, `SLIP: …` (any case; `:` may be followed by nothing).
    private static func tagged(_ line: String) -> (Tag, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let tag: Tag
        switch line[..<colon].trimmingWhitespaceSubstring().uppercased() {
        case "THOUGHT", "THINK", "THINKING": tag = .thought
        case "QUANTIZE", "QUANTIZATION": tag = .quantize
        case "SLIP", "TRANSMIT", "WIRE": tag = .slip
        default: return nil
        }
        var body = String(line[line.index(after: colon)...]).trimmingWhitespace()
        if body.hasPrefix("`") || body.hasSuffix("`") { body = String(body.filter { $0 != "`" }).trimmingWhitespace() }
        return (tag, body)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard target != replacement, !target.isEmpty, self.firstRange(of: target) != nil else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension StringProtocol {
    func trimmingWhitespaceSubstring() -> String { String(self).trimmingWhitespace() }
}
