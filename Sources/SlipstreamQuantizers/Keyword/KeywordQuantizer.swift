import SlipstreamCore

/// The `keyword` engine: slipcore 3.1.1's two-stage keyword quantizer, as a baseline.
///
/// Stage 1 scores each Force by its keywords found in the lowercased text (substring matches, each worth
/// its word count, score `min(1, matches / 3)`); the best Force wins (ties: slipcore's table order), or
/// Fallback when none reaches the threshold (0.2). Stage 2 picks the Object the same way (`Generic` when
/// none matches). The v3 pair maps to a v1 anchor through the codebook's Force/Object (slipcore's
/// `V2_TO_V3`); a pair the v1 codebook lacks becomes the best-scoring v1 anchor of that Force, else Fallback.
public struct KeywordQuantizer: Quantizer {
    public let engine = "keyword"
    /// slipcore's `fallback_threshold`.
    public var threshold: Double
    public var assembler: QuantizationAssembler

    public init(threshold: Double = 0.2, assembler: QuantizationAssembler = QuantizationAssembler()) {
        self.threshold = threshold
        self.assembler = assembler
    }

    /// What the two stages decide.
    public struct Decision: Sendable, Hashable {
        public var force: String
        public var object: String
        public var confidence: Double
        public var isFallback: Bool
    }

    /// The tables as UTF-8 bytes, for allocation-light substring search.
    private static let forceBytes: [(String, [[UInt8]])] = KeywordRules.force.map { ($0.0, $0.1.map { Array($0.utf8) }) }
    private static let objectBytes: [(String, [[UInt8]])] = KeywordRules.object.map { ($0.0, $0.1.map { Array($0.utf8) }) }

    /// slipcore's `_keyword_score`: each pattern found as a substring adds its word count; `min(1, n / 3)`.
    static func score(_ text: [UInt8], _ patterns: [[UInt8]]) -> Double {
        var matches = 0
        for pattern in patterns where contains(text, pattern) {
            matches += pattern.split(separator: 0x20).count
        }
        return min(1.0, Double(matches) / 3.0)
    }

    static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        let n = text.count
        let m = pattern.count
        guard m > 0, m <= n else { return m == 0 }
        let first = pattern[0]
        var i = 0
        while i <= n - m {
            if text[i] == first {
                var j = 1
                while j < m && text[i + j] == pattern[j] { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }

    /// The text lowercased as slipcore's `str.lower()` does for ASCII (other characters keep their bytes).
    static func lowered(_ text: String) -> [UInt8] {
        text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// slipcore's `KeywordQuantizer.quantize`: the Force and Object for `text`.
    public func decide(_ text: String) -> Decision {
        let lower = Self.lowered(text)
        var bestForce: (String, Double)?
        for (force, patterns) in Self.forceBytes {
            let s = Self.score(lower, patterns)
            if s > 0, s > (bestForce?.1 ?? 0) { bestForce = (force, s) }
        }
        guard let bestForce, bestForce.1 >= threshold else {
            return Decision(force: "Fallback", object: "Generic", confidence: 0, isFallback: true)
        }
        var bestObject: (String, Double)?
        for (object, patterns) in Self.objectBytes {
            let s = Self.score(lower, patterns)
            if s > 0, s > (bestObject?.1 ?? 0) { bestObject = (object, s) }
        }
        let object = bestObject ?? ("Generic", 0.1)
        return Decision(force: bestForce.0, object: object.0, confidence: (bestForce.1 + object.1) / 2, isFallback: false)
    }

    /// The v1 anchor for `text` in `codebook`.
    public func anchor(for text: String, codebook: UCR = .v1) -> (anchor: UCRAnchor, confidence: Double)? {
        let decision = decide(text)
        let fallback = codebook.anchor(mnemonic: "Fallback")
        guard !decision.isFallback, let force = Force(rawValue: decision.force) else {
            return fallback.map { ($0, 0) }
        }
        if let exact = codebook.anchor(force: force, object: decision.object) { return (exact, decision.confidence) }
        // The v1 codebook lacks this pair: the anchor of the same Force whose object scores best.
        let lower = Self.lowered(text)
        let objectScores = Dictionary(Self.objectBytes.map { ($0.0, Self.score(lower, $0.1)) }, uniquingKeysWith: { a, _ in a })
        let candidates = codebook.anchors.filter { $0.force == force && $0.state != .deprecated }
        if let best = candidates.max(by: { (objectScores[$0.object] ?? 0) < (objectScores[$1.object] ?? 0) }),
            (objectScores[best.object] ?? 0) > 0 || candidates.count == 1
        {
            return (best, decision.confidence)
        }
        if let generic = codebook.anchor(force: force, object: "Generic") { return (generic, decision.confidence) }
        if let first = candidates.first { return (first, decision.confidence) }
        return fallback.map { ($0, 0) }
    }

    public func quantize(_ text: String, context: QuantizationContext) async throws -> Quantization {
        guard let (anchor, confidence) = anchor(for: text, codebook: context.codebook) else {
            throw QuantizerError(.unknownAnchor, "the codebook has no Fallback anchor", location: engine)
        }
        return try await assembler.assemble(
            text: text, anchor: anchor, confidence: confidence, alternatives: [], context: context, engine: engine)
    }
}
