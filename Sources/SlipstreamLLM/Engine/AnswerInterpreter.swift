import SlipstreamCore

/// Turns a model's text into a strict-valid TQT record: parse tolerantly, repair leniently, validate strictly.
///
/// ```swift
/// let interpreter = AnswerInterpreter(ucr: .v1, version: .v1)
/// let outcome = try interpreter.interpret("SLIP: SLIP v1 a b RequestReview auth:module")
/// outcome.record.wire   // "SLIP v1 a b RequestReview auth module"
/// outcome.repairs       // ["split_token at 30: ..."]
/// ```
public struct AnswerInterpreter: Sendable {
    /// A record that passed the strict parser, and what it took to get there.
    public struct Outcome: Sendable, Hashable {
        /// The record; its ``TQTRecord/wire`` is strict-valid.
        public var record: TQTRecord
        /// The repairs made, as text (lenient wire repairs, replaced agent ids, JSON mapping).
        public var repairs: [String]
        /// Whether anything had to be repaired.
        public var repaired: Bool { !repairs.isEmpty }
    }

    public var ucr: UCR
    public var version: WireVersion
    /// Agent ids the caller asked for; the answer's are replaced when they differ.
    public var src: String?
    public var dst: String?

    public init(ucr: UCR, version: WireVersion, src: String? = nil, dst: String? = nil) {
        self.ucr = ucr
        self.version = version
        self.src = src
        self.dst = dst
    }

    var parserConfiguration: WireParser.Configuration {
        var configuration = WireParser.Configuration()
        if ucr.format == .v1 { configuration.v1Codebook = ucr }
        return configuration
    }

    /// The strict-valid record in `answer`, or ``LLMError/Code/unusableAnswer`` saying why there is none.
    public func interpret(_ answer: String, json: TQTConstraint? = nil) throws(LLMError) -> Outcome {
        var repairs: [String] = []
        var text = Self.withoutReasoning(answer)
        if let json, !text.contains("SLIP:"), let mapped = json.recordText(fromJSON: text) {
            text = mapped
        }
        let lenient = WireParser(profile: .lenient, configuration: parserConfiguration)
        let record: TQTRecord
        do {
            record = try TQTRecord.parse(text, parser: lenient)
        } catch {
            // A misspelt v1 anchor: take the QUANTIZE line's anchor or the one closest in spelling.
            guard let wireError = error.wireError, wireError.code == .unknownAnchor, let token = wireError.token,
                let fixed = Self.anchorFix(for: token, in: text, ucr: ucr),
                let retried = try? TQTRecord.parse(fixed.text, parser: lenient)
            else {
                throw LLMError(.unusableAnswer, "the answer holds no usable record: \(error.message)", underlying: Self.preview(answer))
            }
            repairs.append("fixed_anchor: \(token.debugDescription) -> \(fixed.anchor.debugDescription)")
            record = retried
        }
        var message = record.message
        guard message.version == version else {
            throw LLMError(
                .unusableAnswer, "the answer's wire is \(message.version.rawValue), expected \(version.rawValue)",
                underlying: Self.preview(answer))
        }
        repairs += record.repairs.map(\.description)
        if let src, message.src != src {
            repairs.append("replaced src \(message.src.debugDescription) with \(src.debugDescription)")
            message.src = src
        }
        if let dst, message.dst != dst {
            repairs.append("replaced dst \(message.dst.debugDescription) with \(dst.debugDescription)")
            message.dst = dst
        }
        let strict: SlipMessage
        do {
            strict = try WireParser(profile: .strict, configuration: parserConfiguration).parse(message.wire, version: version)
        } catch {
            throw LLMError(
                .unusableAnswer, "the repaired wire is still not strict-valid: \(error.message)", underlying: message.wire)
        }
        var quantize = record.quantize
        if let line = quantize, version == .v1, let anchor = line.anchor, anchor != strict.anchor {
            repairs.append("QUANTIZE anchor \(anchor.debugDescription) differs from the wire's \(strict.anchor.debugDescription)")
            quantize?.anchor = strict.anchor
        }
        let thought = record.thought.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        return Outcome(
            record: TQTRecord(thought: thought, quantize: quantize, message: strict, rawWire: record.rawWire),
            repairs: repairs)
    }

    /// `text` with the unknown anchor `token` on its SLIP line replaced by the QUANTIZE line's anchor (when
    /// that one is in the codebook) or by the only codebook mnemonic within two edits of it.
    static func anchorFix(for token: String, in text: String, ucr: UCR) -> (text: String, anchor: String)? {
        guard ucr.format == .v1 else { return nil }
        var replacement: String?
        for line in text.split(whereSeparator: \.isNewline) where line.contains("QUANTIZE") {
            if let anchor = QuantizeLine.parse(line.drop(while: { $0 != ":" }).dropFirst()).anchor,
                ucr.anchor(mnemonic: anchor) != nil
            {
                replacement = anchor
            }
        }
        if replacement == nil {
            let lowered = token.lowercased()
            let close = ucr.anchors.filter { editDistance(Array($0.mnemonic.lowercased().utf8), Array(lowered.utf8), limit: 2) <= 2 }
            if close.count == 1 { replacement = close[0].mnemonic }
        }
        guard let replacement else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.contains("SLIP v1") && $0.contains(token) }) else { return nil }
        let words = lines[index].split(separator: " ", omittingEmptySubsequences: false).map { $0 == token ? Substring(replacement) : $0 }
        lines[index] = words.joined(separator: " ")
        return (lines.joined(separator: "\n"), replacement)
    }

    /// Levenshtein distance of `a` and `b`, or `limit + 1` once it is certainly above `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// The text after a reasoning model's `<think>…</think>` block (GLM-Z1 writes one).
    static func withoutReasoning(_ text: String) -> String {
        if let end = text.ranges(of: "</think>").last { return String(text[end.upperBound...]) }
        return text
    }

    static func preview(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}
