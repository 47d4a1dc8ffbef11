import SlipstreamCore

/// Builds a ``Quantization`` from an engine's decision: picks the recipient, extracts the payload,
/// writes the thought and the wire in the requested version. Engines share it so their output agrees.
///
/// An ASCII text is lowercased once and both extractors read those bytes; everything except a v3
/// Fallback whose text goes into a ``FallbackStore`` is built without suspending
/// (``assembleImmediately(text:anchor:confidence:alternatives:context:engine:)``).
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
        let (dst, terms) = recipientAndTerms(text, context: context)
        let payload = anchor.force == .fallback ? Self.fallbackText(text).map { [$0] } ?? [] : terms
        let thought = thoughtTemplate.thought(anchor: anchor, dst: dst, terms: terms)
        let message = SlipMessage.v1(src: src, dst: dst, anchor: anchor, payload: payload)
        return Quantization(
            anchor: anchor, confidence: confidence, alternatives: alternatives, payload: payload, thought: thought,
            message: message, engine: engine)
    }

    /// The result in the context's wire version when it needs no suspension: always for v1, and for v3
    /// unless it is a Fallback and the context has a ``FallbackStore`` to keep the text (then nil; use
    /// ``assemble(text:anchor:confidence:alternatives:context:engine:)``). A v3 Fallback without a store
    /// carries the content-addressed ref, as ``RefOnlyFallbackStore`` gives it.
    public func assembleImmediately(
        text: String, anchor: UCRAnchor, confidence: Double, alternatives: [Quantization.Alternative],
        context: QuantizationContext, engine: String
    ) -> Quantization? {
        guard context.version == .v3 else {
            return assembleV1(
                text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context,
                engine: engine)
        }
        let isFallback = anchor.force == .fallback
        if isFallback && context.fallbackStore != nil { return nil }
        // What the core's `Translator` makes of the v1 result, written directly.
        let src = Translator.v3AgentID(fromV1: Self.agentID(context.src) ?? "agent")
        let (dst, terms) = recipientAndTerms(text, context: context)
        let thought = thoughtTemplate.thought(anchor: anchor, dst: dst, terms: terms)
        let message: SlipMessage
        let payload: [String]
        if isFallback {
            let ref = RefOnlyFallbackStore.ref(for: Self.fallbackText(text) ?? "")
            message = .v3(src: src, dst: Translator.v3AgentID(fromV1: dst), force: .fallback, object: "Generic", fallbackRef: ref)
            payload = []
        } else {
            payload = Translator.v3Payload(fromV1: terms)
            message = .v3(src: src, dst: Translator.v3AgentID(fromV1: dst), force: anchor.force, object: anchor.object, payload: payload)
        }
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
        if let result = assembleImmediately(
            text: text, anchor: anchor, confidence: confidence, alternatives: alternatives, context: context, engine: engine)
        {
            return result
        }
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

    /// The receiver (given, named in the text, or the default) and the payload terms, which leave out the
    /// receiver's name. An ASCII text is lowercased once for both extractors.
    func recipientAndTerms(_ text: String, context: QuantizationContext) -> (dst: String, terms: [String]) {
        let given = context.dst.flatMap(Self.agentID)
        let fast = ASCIIText.withLowercased(text) { lower -> (String, [String]) in
            let named = context.dst == nil ? recipientExtractor.recipient(lowercasedASCII: lower) : nil
            let dst = given ?? named ?? Self.agentID(context.defaultDestination) ?? "agent"
            let terms = payloadExtractor.extract(lowercasedASCII: lower) { word in
                Self.isExcluded(word, dst: dst, named: named)
            }
            return (dst, terms)
        }
        if let fast { return fast }
        let named = context.dst == nil ? recipientExtractor.recipientFromCharacters(text) : nil
        let dst = given ?? named ?? Self.agentID(context.defaultDestination) ?? "agent"
        var excluded: Set<String> = [dst.lowercased()]
        if let named { excluded.formUnion(named.split(separator: "_").map(String.init)) }
        return (dst, payloadExtractor.extractFromCharacters(text, excluding: excluded))
    }

    /// Whether a lowercased payload word is the receiver (`dst`, lowercased) or one of the `_`-separated
    /// parts of the name found in the text.
    static func isExcluded(_ word: UnsafeBufferPointer<UInt8>, dst: String, named: String?) -> Bool {
        var dst = dst
        let isDst = dst.withUTF8 { dst in
            guard dst.count == word.count else { return false }
            for i in 0..<dst.count where (dst[i] &- 0x41 < 26 ? dst[i] | 0x20 : dst[i]) != word[i] { return false }
            return true
        }
        guard !isDst else { return true }
        guard var named else { return false }
        return named.withUTF8 { named in
            var start = 0
            for i in 0...named.count where i == named.count || named[i] == 0x5F {
                if i - start == word.count, i > start {
                    var same = true
                    for k in 0..<word.count where named[start + k] != word[k] {
                        same = false
                        break
                    }
                    if same { return true }
                }
                start = i + 1
            }
            return false
        }
    }

    /// A strict agent id (`[A-Za-z0-9._-]`, at most 64 characters) made from `name`, or nil if nothing is left.
    public static func agentID(_ name: String) -> String? {
        // An id that is already strict and short enough is its own normal form.
        if name.utf8.count <= 64, ASCIIText.isStrict(name) { return name }
        let id = WireToken.normalize(name).joined(separator: "_")
        guard !id.isEmpty else { return nil }
        return String(id.prefix(64))
    }

    /// The text as one quotable v1 payload item: quotes become `'`, backslashes `/`, control characters
    /// and runs of whitespace one space, cut to ``maxFallbackTextBytes``; nil when nothing is left.
    public static func fallbackText(_ text: String) -> String? {
        var text = text
        if let ascii = text.withUTF8({ ASCIIText.fallbackText($0, maxBytes: maxFallbackTextBytes) }) { return ascii.isEmpty ? nil : ascii }
        return fallbackTextFromScalars(text)
    }

    /// ``fallbackText(_:)`` on Unicode scalars (texts that are not all ASCII).
    static func fallbackTextFromScalars(_ text: String) -> String? {
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
