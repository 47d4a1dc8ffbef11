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
            var out = WireWriter(base: buffer.baseAddress!)
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

    /// A v3 message for a Force/Object pair. A Fallback without `fallbackRef` takes its first payload
    /// token as the ref, as slipcore's parser does.
    public static func v3(
        src: String, dst: String, force: Force, object: String, payload: [String] = [], fallbackRef: String? = nil
    ) -> SlipMessage {
        let refFromPayload = force == .fallback && fallbackRef == nil && !payload.isEmpty
        let ref = refFromPayload ? payload[0] : fallbackRef
        let first = refFromPayload ? 1 : 0
        // Sizes first, then one allocation filled from each field's UTF-8. (The items are read in place,
        // through the array's buffer, so that they are not retained and released one by one.)
        let forceLength = force.rawValue.utf8.count
        var length = 8 + src.utf8.count + 1 + dst.utf8.count + 1 + forceLength + 1 + object.utf8.count
        if let ref { length += 1 + ref.utf8.count }
        payload.withUnsafeBufferPointer { items in
            for i in first..<items.count { length += 1 + WireWriter.length(of: items[i]) }
        }
        var layout = Layout(
            version: .v3, force: force, v1Object: nil, srcEnd: 0, dstEnd: 0, anchorEnd: 0, objectEnd: 0, refEnd: nil)
        let wire = String(unsafeUninitializedCapacity: length + WireWriter.slack) { buffer in
            var out = WireWriter(base: buffer.baseAddress!)
            out.putHead(Self.v3Head, src: src, dst: dst, layout: &layout)
            out.put(word: force.utf8Word, count: forceLength)
            layout.anchorEnd = out.count
            out.put(0x20)
            out.put(object)
            layout.objectEnd = out.count
            if let ref {
                out.put(0x20)
                out.put(ref)
                layout.refEnd = out.count
            }
            payload.withUnsafeBufferPointer { items in
                for i in first..<items.count {
                    out.put(0x20)
                    out.put(items[i])
                }
            }
            return out.count
        }
        return SlipMessage(wire: wire, layout: layout)
    }

    /// `SLIP v1 ` and `SLIP v3 ` as little-endian words.
    private static let v1Head: UInt64 = 0x2031_7620_5049_4C53
    private static let v3Head: UInt64 = 0x2033_7620_5049_4C53

    /// Fills a wire's buffer front to back. It may write up to ``slack`` bytes past what it has put,
    /// which later puts overwrite, so the buffer needs that many bytes more than the wire.
    private struct WireWriter {
        static let slack = 8
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        @inline(__always)
        mutating func put(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        /// Puts `SLIP vN <src> <dst> ` (`head` is `SLIP vN ` as a word) and notes where src and dst end.
        @inline(__always)
        mutating func putHead(_ head: UInt64, src: borrowing String, dst: borrowing String, layout: inout Layout) {
            put(word: head, count: 8)
            put(src)
            layout.srcEnd = count
            put(0x20)
            put(dst)
            layout.dstEnd = count
            put(0x20)
        }

        /// Puts the first `count` bytes of `word` (a little-endian word).
        @inline(__always)
        mutating func put(word: UInt64, count: Int) {
            UnsafeMutableRawPointer(base + self.count).storeBytes(of: word.littleEndian, as: UInt64.self)
            self.count += count
        }

        @inline(__always)
        static func length(of text: borrowing String) -> Int { text.utf8.count }

        @inline(__always)
        mutating func put(_ text: borrowing String) {
            let to = UnsafeMutableRawPointer(base + count)
            count += text.utf8.withContiguousStorageIfAvailable { bytes in
                Self.copy(bytes, to: to)
                return bytes.count
            } ?? Self.copyByteByByte(text, to: base + count)
        }

        /// For a string without contiguous UTF-8 (not made by Swift on Linux).
        @inline(never)
        static func copyByteByByte(_ text: borrowing String, to: UnsafeMutablePointer<UInt8>) -> Int {
            UnsafeMutableBufferPointer(start: to, count: text.utf8.count).initialize(from: text.utf8).1
        }

        /// Copies `bytes` with a few 8- and 1-byte moves at offsets clamped into `bytes`, so that the
        /// number of moves hardly depends on the length (a length-dependent branch or a call to `memcpy`
        /// per field costs more than the copy: the fields are short). A string of at most 15 bytes may
        /// be a copy of a small string on the stack, written as two 8-byte words; each load lies within
        /// one of them, which the processor can forward from the store.
        @inline(__always)
        static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to: UnsafeMutableRawPointer) {
            guard let from = bytes.baseAddress.map(UnsafeRawPointer.init) else { return }
            let n = bytes.count
            @inline(__always) func move<T: FixedWidthInteger>(_: T.Type, at offset: Int) {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: T.self), toByteOffset: offset, as: T.self)
            }
            let last = n &- 1
            if n >= 16 {
                let lastWord = n &- 8
                move(UInt64.self, at: 0)
                move(UInt64.self, at: 8)
                move(UInt64.self, at: min(16, lastWord))
                move(UInt64.self, at: lastWord)
                var i = 24
                while i < lastWord {
                    move(UInt64.self, at: i)
                    i &+= 8
                }
            } else if n >= 8 {
                move(UInt64.self, at: 0)
                for k in 8..<15 { move(UInt8.self, at: min(k, last)) }
            } else if n > 0 {
                for k in 0..<7 { move(UInt8.self, at: min(k, last)) }
            }
        }
    }

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
