/// A parsed SLIP message of either wire version.
///
/// ```swift
/// let message = try WireParser().parse("SLIP v1 alice bob RequestReview auth_module")
/// message.anchor   // "RequestReview"
/// message.force    // .request
/// message.object   // "Review"
/// message.wire     // "SLIP v1 alice bob RequestReview auth_module"
/// ```
public struct SlipMessage: Sendable, Hashable {
    public var version: WireVersion
    public var src: String
    public var dst: String
    /// The anchor's mnemonic in its version's codebook: `RequestReview` (v1); Force+Object, `RequestReview`
    /// or `AcceptGeneric`, for v3.
    public var anchor: String
    public var force: Force
    public var object: String
    /// Payload items. v1 items are strict tokens or free text (written as one quoted string); v3 items are
    /// alphanumeric tokens, without the Fallback ref.
    public var payload: [String]
    /// v3 Fallback's pointer to text kept in a ``FallbackStore``.
    public var fallbackRef: String?

    /// A message with every field given.
    public init(
        version: WireVersion, src: String, dst: String, anchor: String, force: Force, object: String,
        payload: [String] = [], fallbackRef: String? = nil
    ) {
        self.version = version
        self.src = src
        self.dst = dst
        self.anchor = anchor
        self.force = force
        self.object = object
        self.payload = payload
        self.fallbackRef = fallbackRef
    }

    /// A v1 message for a codebook anchor.
    public static func v1(src: String, dst: String, anchor: UCRAnchor, payload: [String] = []) -> SlipMessage {
        SlipMessage(
            version: .v1, src: src, dst: dst, anchor: anchor.mnemonic, force: anchor.force, object: anchor.object,
            payload: payload)
    }

    /// A v3 message for a Force/Object pair. A Fallback without `fallbackRef` takes its first payload
    /// token as the ref, as slipcore's parser does.
    public static func v3(
        src: String, dst: String, force: Force, object: String, payload: [String] = [], fallbackRef: String? = nil
    ) -> SlipMessage {
        var payload = payload
        var fallbackRef = fallbackRef
        if force == .fallback, fallbackRef == nil, !payload.isEmpty { fallbackRef = payload.removeFirst() }
        return SlipMessage(
            version: .v3, src: src, dst: dst, anchor: force.rawValue + object, force: force, object: object,
            payload: payload, fallbackRef: fallbackRef)
    }

    /// Whether this is a Fallback message (natural language or a ref instead of an anchor).
    public var isFallback: Bool { force == .fallback }

    /// The wire line. v1 payload items that are not strict tokens are written as one quoted string.
    public var wire: String {
        var out = "SLIP "
        out += version.rawValue
        out += " "
        out += src
        out += " "
        out += dst
        out += " "
        switch version {
        case .v1:
            out += anchor
        case .v3:
            out += force.rawValue
            out += " "
            out += object
            if let fallbackRef {
                out += " "
                out += fallbackRef
            }
        }
        for item in payload {
            out += " "
            if version == .v1 && !WireToken.isStrict(item) {
                out += "\""
                out += item
                out += "\""
            } else {
                out += item
            }
        }
        return out
    }

    /// slipcore's `token_count_estimate`: whitespace-separated words of the wire.
    public var wordCount: Int { wire.split(separator: " ").count }
}

extension SlipMessage: CustomStringConvertible {
    public var description: String { wire }
}
