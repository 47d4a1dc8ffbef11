/// Translates messages between SLIP v1 and v3.
///
/// Anchors map through slipcore's `V2_TO_V3` table. Tokens v3 forbids are made alphanumeric reversibly
/// where possible (`auth_module` ↔ `authModule`); a v1 Fallback's text goes into the ``FallbackStore`` and
/// the v3 wire carries its ref, which v3 → v1 resolves again.
///
/// ```swift
/// let translator = Translator(store: InMemoryFallbackStore())
/// let v3 = try await translator.translate(v1Message, to: .v3)
/// v3.message.wire   // "SLIP v3 alice bob Request Review authModule"
/// ```
public struct Translator: Sendable {
    public var store: any FallbackStore
    /// The codebook v3 → v1 resolves anchors in.
    public var v1Codebook: UCR

    public init(store: any FallbackStore, v1Codebook: UCR = .v1) {
        self.store = store
        self.v1Codebook = v1Codebook
    }

    /// Translates `message` to `version` (a message already of that version is returned unchanged).
    public func translate(_ message: SlipMessage, to version: WireVersion) async throws -> Translation {
        switch (message.version, version) {
        case (.v1, .v3): try await toV3(message)
        case (.v3, .v1): try await toV1(message)
        default: Translation(message: message)
        }
    }

    private func toV3(_ message: SlipMessage) async throws -> Translation {
        var losses: [String]? = []
        let src = Self.v3AgentID(fromV1: message.src, losses: &losses)
        let dst = Self.v3AgentID(fromV1: message.dst, losses: &losses)
        if message.isFallback {
            let text = message.payload.joined(separator: " ")
            if message.payload.count > 1 {
                losses?.append("the Fallback's \(message.payload.count) payload items are kept as one text, which comes back as one item")
            }
            let ref = try await store.store(text)
            return Translation(
                message: .v3(src: src, dst: dst, force: .fallback, object: "Generic", fallbackRef: ref), losses: losses ?? [])
        }
        let payload = Self.v3Payload(fromV1: message.payload, losses: &losses)
        return Translation(
            message: .v3(src: src, dst: dst, force: message.force, object: message.object, payload: payload), losses: losses ?? [])
    }

    /// The v3 agent id for a v1 one: alphanumeric (`auth_bot` → `authBot`), at most 20 characters,
    /// `agent` when nothing alphanumeric is left.
    public static func v3AgentID(fromV1 id: String) -> String {
        var losses: [String]?
        return v3AgentID(fromV1: id, losses: &losses)
    }

    /// The v3 payload for v1 payload items: each space-separated word made alphanumeric
    /// (`auth_module` → `authModule`) and cut to 30 characters, words with nothing alphanumeric dropped,
    /// at most 20 tokens.
    public static func v3Payload(fromV1 items: [String]) -> [String] {
        var losses: [String]?
        return v3Payload(fromV1: items, losses: &losses)
    }

    /// ``v3AgentID(fromV1:)``, noting in `losses` (when it is not nil) an id that does not map back.
    static func v3AgentID(fromV1 id: String, losses: inout [String]?) -> String {
        let v3 = WireToken.v3Token(fromV1UTF8: id.utf8, maxLength: WireParser.V3Limits.maxAgentIDLength) ?? "agent"
        if losses != nil, WireToken.v1Token(fromV3: v3) != id {
            losses?.append("agent id \(id.debugDescription) becomes \(v3.debugDescription), which does not map back exactly")
        }
        return v3
    }

    /// ``v3Payload(fromV1:)``, noting in `losses` (when it is not nil) each word dropped, cut or changed
    /// beyond reversal, and tokens over the limit.
    static func v3Payload(fromV1 items: [String], losses: inout [String]?) -> [String] {
        typealias L = WireParser.V3Limits
        var payload: [String] = []
        payload.reserveCapacity(items.count)
        for item in items {
            // Each space-separated word, without an array of them.
            let bytes = item.utf8
            var next = bytes.startIndex
            while next != bytes.endIndex {
                let end = bytes[next...].firstIndex(of: 0x20) ?? bytes.endIndex
                let word = bytes[next..<end]
                next = end == bytes.endIndex ? end : bytes.index(after: end)
                if word.isEmpty { continue }
                guard let token = WireToken.v3Token(fromV1UTF8: word, maxLength: L.maxTokenLength) else {
                    losses?.append("payload item \(String(Substring(word)).debugDescription) has no alphanumeric characters; dropped")
                    continue
                }
                if losses != nil {
                    if let whole = WireToken.v3Token(fromV1UTF8: word), whole != token {
                        losses?.append("payload token \(whole.debugDescription) cut to \(L.maxTokenLength) characters")
                    }
                    if WireToken.v1Token(fromV3: token) != Substring(word) {
                        losses?.append(
                            "payload token \(String(Substring(word)).debugDescription) becomes \(token.debugDescription), which does not map back exactly"
                        )
                    }
                }
                payload.append(token)
            }
        }
        if payload.count > L.maxPayloadTokens {
            losses?.append("payload has \(payload.count) tokens; v3 allows \(L.maxPayloadTokens), the rest are dropped")
            payload.removeLast(payload.count - L.maxPayloadTokens)
        }
        return payload
    }

    private func toV1(_ message: SlipMessage) async throws -> Translation {
        var losses: [String] = []
        let src = WireToken.v1Token(fromV3: message.src)
        let dst = WireToken.v1Token(fromV3: message.dst)
        if message.isFallback {
            var payload: [String] = []
            if let ref = message.fallbackRef {
                if let text = try await store.retrieve(ref) {
                    payload.append(text)
                } else {
                    losses.append("fallback ref \(ref) is not in the store; the ref is kept as the payload")
                    payload.append(ref)
                }
            }
            payload.append(contentsOf: message.payload)
            return Translation(message: .v1(src: src, dst: dst, anchor: fallbackAnchor, payload: payload), losses: losses)
        }
        let mnemonic = MnemonicTable.v1Mnemonic(force: message.force, object: message.object)
        let anchor =
            v1Codebook.anchor(mnemonic: mnemonic) ?? v1Codebook.anchor(force: message.force, object: message.object)
        let payload = message.payload.map { WireToken.v1Token(fromV3: $0) }
        guard let anchor else {
            losses.append("\(message.force.rawValue) \(message.object) has no v1 anchor; sent as Fallback with the pair as text")
            return Translation(
                message: .v1(src: src, dst: dst, anchor: fallbackAnchor, payload: [message.force.rawValue, message.object] + payload),
                losses: losses)
        }
        return Translation(message: .v1(src: src, dst: dst, anchor: anchor, payload: payload), losses: losses)
    }

    /// The codebook's Fallback anchor (the base codebook's when a custom one has none).
    private var fallbackAnchor: UCRAnchor {
        v1Codebook.anchor(mnemonic: "Fallback") ?? UCR.v1.anchor(mnemonic: "Fallback")!
    }
}
