/// A parsed SLIP message of either wire version.
///
/// A message is its canonical wire line plus the offsets of its fields: parsing a canonical line keeps
/// the line itself and allocates nothing, and fields become strings only when they are read.
///
/// ```swift
/// let message = try WireParser().parse("SLIP v1 alice bob RequestReview auth_module")
/// message.anchor   // "RequestReview"
/// message.force    // .request
/// message.object   // "Review"
/// message.wire     // "SLIP v1 alice bob RequestReview auth_module"
/// ```
public struct SlipMessage: Sendable {
    /// Where the fields lie in ``wire``: UTF-8 offsets of the ends of the head tokens.
    struct Layout: Sendable, Hashable {
        var version: WireVersion
        var force: Force
        /// v1: the codebook anchor's object (not on the wire).
        var v1Object: String?
        var srcEnd: Int
        var dstEnd: Int
        /// v1: end of the anchor; v3: end of the Force.
        var anchorEnd: Int
        /// v3: end of the Object (v1: same as `anchorEnd`).
        var objectEnd: Int
        /// v3 Fallback: end of the ref, else nil.
        var refEnd: Int?

        /// Offset of the first payload item (the wire's length when there is none).
        func payloadStart(in wire: String) -> Int { min((refEnd ?? objectEnd) + 1, wire.utf8.count) }
    }

    /// The wire line, in canonical form (single spaces; v1 payload items that are not strict tokens quoted).
    public private(set) var wire: String
    var layout: Layout

    init(wire: String, layout: Layout) {
        self.wire = wire
        self.layout = layout
    }

    /// A message with every field given. For v3, `anchor` is ignored (it is Force+Object), and a Fallback
    /// without `fallbackRef` takes its first payload token as the ref, as slipcore's parser does.
    public init(
        version: WireVersion, src: String, dst: String, anchor: String, force: Force, object: String,
        payload: [String] = [], fallbackRef: String? = nil
    ) {
        guard version == .v1 else {
            self = .v3(src: src, dst: dst, force: force, object: object, payload: payload, fallbackRef: fallbackRef)
            return
        }
        // Sizes first, then one allocation filled from each field's UTF-8; items that are not strict
        // tokens are quoted.
        var length = 8 + src.utf8.count + 1 + dst.utf8.count + 1 + anchor.utf8.count
        for item in payload { length += 1 + item.utf8.count + (WireToken.isStrict(item) ? 0 : 2) }
        var layout = Layout(
            version: .v1, force: force, v1Object: object, srcEnd: 0, dstEnd: 0, anchorEnd: 0, objectEnd: 0,
            refEnd: nil)
        let wire = String(unsafeUninitializedCapacity: length + WireWriter.slack) { buffer in
            var out = WireWriter(buffer)
            out.putHead(Self.v1Head, src: src, dst: dst, layout: &layout)
            out.put(anchor)
            layout.anchorEnd = out.count
            layout.objectEnd = out.count
            for item in payload {
                out.put(0x20)
                if WireToken.isStrict(item) {
                    out.put(item)
                } else {
                    out.put(0x22)
                    out.put(item)
                    out.put(0x22)
                }
            }
            return out.count
        }
        self.init(wire: wire, layout: layout)
    }

    /// A v1 message for a codebook anchor.
    public static func v1(src: String, dst: String, anchor: UCRAnchor, payload: [String] = []) -> SlipMessage {
        SlipMessage(
            version: .v1, src: src, dst: dst, anchor: anchor.mnemonic, force: anchor.force, object: anchor.object,
            payload: payload)
    }

    /// `SLIP v1 ` as a little-endian word.
    private static let v1Head: UInt64 = 0x2031_7620_5049_4C53

    private func field(_ start: Int, _ end: Int) -> String {
        let utf8 = wire.utf8
        return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]))
    }

    /// Rebuilds the wire after one field changed.
    private mutating func rebuild(_ change: (inout Fields) -> Void) {
        var fields = Fields(self)
        change(&fields)
        self = SlipMessage(
            version: fields.version, src: fields.src, dst: fields.dst, anchor: fields.anchor, force: fields.force,
            object: fields.object, payload: fields.payload, fallbackRef: fields.fallbackRef)
    }

    private struct Fields {
        var version: WireVersion, src: String, dst: String, anchor: String, force: Force, object: String
        var payload: [String], fallbackRef: String?
        init(_ m: SlipMessage) {
            version = m.version
            src = m.src
            dst = m.dst
            anchor = m.anchor
            force = m.force
            object = m.object
            payload = m.payload
            fallbackRef = m.fallbackRef
        }
    }

    public var version: WireVersion {
        get { layout.version }
        set { rebuild { $0.version = newValue } }
    }

    public var src: String {
        get { field(7 + 1, layout.srcEnd) }
        set { rebuild { $0.src = newValue } }
    }

    public var dst: String {
        get { field(layout.srcEnd + 1, layout.dstEnd) }
        set { rebuild { $0.dst = newValue } }
    }

    /// The anchor's mnemonic in its version's codebook: `RequestReview` (v1); Force+Object, `RequestReview`
    /// or `AcceptGeneric`, for v3.
    public var anchor: String {
        get { layout.version == .v1 ? field(layout.dstEnd + 1, layout.anchorEnd) : layout.force.rawValue + object }
        set { rebuild { $0.anchor = newValue } }
    }

    public var force: Force {
        get { layout.force }
        set { rebuild { $0.force = newValue } }
    }

    public var object: String {
        get { layout.v1Object ?? field(layout.anchorEnd + 1, layout.objectEnd) }
        set { rebuild { $0.object = newValue } }
    }

    /// v3 Fallback's pointer to text kept in a ``FallbackStore``.
    public var fallbackRef: String? {
        get { layout.refEnd.map { field(layout.objectEnd + 1, $0) } }
        set { rebuild { $0.fallbackRef = newValue } }
    }

    /// Payload items. v1 items are strict tokens or free text (written as one quoted string); v3 items are
    /// alphanumeric tokens, without the Fallback ref.
    public var payload: [String] {
        get {
            var items: [String] = []
            let bytes = Array(wire.utf8)
            var i = layout.payloadStart(in: wire)
            while i < bytes.count {
                if bytes[i] == 0x22, let close = bytes[(i + 1)...].firstIndex(of: 0x22) {
                    items.append(String(decoding: bytes[(i + 1)..<close], as: UTF8.self))
                    i = close + 2
                } else {
                    let end = bytes[i...].firstIndex(of: 0x20) ?? bytes.count
                    items.append(String(decoding: bytes[i..<end], as: UTF8.self))
                    i = end + 1
                }
            }
            return items
        }
        set { rebuild { $0.payload = newValue } }
    }

    /// Whether this is a Fallback message (natural language or a ref instead of an anchor).
    public var isFallback: Bool { layout.force == .fallback }

    /// slipcore's `token_count_estimate`: whitespace-separated words of the wire.
    public var wordCount: Int { wire.split(separator: " ").count }
}

extension SlipMessage: Hashable {
    public static func == (lhs: SlipMessage, rhs: SlipMessage) -> Bool {
        lhs.wire == rhs.wire && lhs.layout.v1Object == rhs.layout.v1Object
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(wire) }
}

extension SlipMessage: CustomStringConvertible {
    public var description: String { wire }
}
