import SlipstreamCore

/// Builds a ``Quantization`` from an engine's decision: picks the recipient, extracts the payload,
/// writes the thought and the wire in the requested version. Engines share it so their output agrees.
public struct QuantizationAssembler: Sendable {
    public var payloadExtractor: PayloadExtractor
    public var recipientExtractor: RecipientExtractor
    public var thoughtTemplate: ThoughtTemplate

    /// The longest text a v1 Fallback carries (UTF-8 bytes; the strict parser allows 1024 per item).
    public static let maxFallbackTextBytes = 1000

    public init(
        payloadExtractor: PayloadExtractor = PayloadExtractor(), recipientExtractor: RecipientExtractor = RecipientExtractor(),
        thoughtTemplate: ThoughtTemplate = ThoughtTemplate()
    ) {
        self.payloadExtractor = payloadExtractor
        self.recipientExtractor = recipientExtractor
        self.thoughtTemplate = thoughtTemplate
    }

    /// The v1 result for `anchor` (synchronous: no Fallback store involved).
    public func assembleV1(
        text: String, anchor: UCRAnchor, confidence: Double, alternatives: [Quantization.Alternative],
        context: QuantizationContext, engine: String
    ) -> Quantization {
        let src = Self.agentID(context.src) ?? "agent"
        let named = context.dst == nil ? recipientExtractor.recipient(in: text) : nil
        let dst = context.dst.flatMap(Self.agentID) ?? named ?? Self.agentID(context.defaultDestination) ?? "agent"
        var excluded: Set<String> = [dst.lowercased()]
        if let named { excluded.formUnion(named.split(separator: "_").map(String.init)) }
        let terms = payloadExtractor.extract(from: text, excluding: excluded)
        let payload = anchor.force == .fallback ? Self.fallbackText(text).map { [$0] } ?? [] : terms
        let thought = thoughtTemplate.thought(anchor: anchor, dst: dst, terms: terms)
        let message = SlipMessage.v1(src: src, dst: dst, anchor: anchor, payload: payload)
        return Quantization(
            anchor: anchor, confidence: confidence, alternatives: alternatives, payload: payload, thought: thought,
            message: message, engine: engine)
    }

    /// The result in the context's wire version (v3 goes through the core's ``Translator``; a v3 Fallback
    /// stores its text in the context's store, or uses the content-addressed ref when there is none).
    public func assemble(
        text: String, anchor: UCRAnchor, confidence: Double, alternatives: [Quantization.Alternative],
        context: QuantizationContext, engine: String
    ) async throws -> Quantization {
        var result = assembleV1(
            text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context,
            engine: engine)
        guard context.version == .v3 else { return result }
        let translator = Translator(store: context.fallbackStore ?? RefOnlyFallbackStore(), v1Codebook: context.codebook)
        let translation = try await translator.translate(result.message, to: .v3)
        result.message = translation.message
        result.payload = translation.message.payload
        return result
    }

    /// A strict agent id (`[A-Za-z0-9._-]`, at most 64 characters) made from `name`, or nil if nothing is left.
    public static func agentID(_ name: String) -> String? {
        let id = WireToken.normalize(name).joined(separator: "_")
        guard !id.isEmpty else { return nil }
        return String(id.prefix(64))
    }

    /// The text as one quotable v1 payload item: quotes become `'`, backslashes `/`, control characters
    /// and runs of whitespace one space, cut to ``maxFallbackTextBytes``; nil when nothing is left.
    public static func fallbackText(_ text: String) -> String? {
        var out = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let mapped: Unicode.Scalar
            switch scalar {
            case "\"": mapped = "'"
            case "\\": mapped = "/"
            default: mapped = (scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace) ? " " : scalar
            }
            if mapped == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            if out.utf8.count + String(mapped).utf8.count > maxFallbackTextBytes { break }
            out.unicodeScalars.append(mapped)
        }
        while out.last == " " { out.removeLast() }
        return out.isEmpty ? nil : out
    }
}

/// A Fallback store that keeps nothing and hands out the content-addressed ref.
public struct RefOnlyFallbackStore: FallbackStore {
    public init() {}
    public func store(_ text: String) async throws -> String { Self.ref(for: text) }
    public func retrieve(_ ref: String) async throws -> String? { nil }
}
