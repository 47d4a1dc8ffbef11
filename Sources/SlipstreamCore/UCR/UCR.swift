/// The Universal Concept Reference: the shared codebook of anchors agents quantize onto.
///
/// Core anchors (index < 0x8000) are fixed per version; extensions (0x8000–0xFFFF) can be proposed and
/// moved through their lifecycle at runtime.
///
/// ```swift
/// var ucr = UCR.v3
/// ucr.contentHash()                                   // "357cdafecd65be46"
/// ucr.nearest(to: Coordinates(3, 4, 3, 3)).mnemonic   // "RequestReview"
/// let ext = try ucr.proposeExtension(force: .observe, object: "Disk", canonical: "Disk pressure",
///                                    coords: Coordinates(0, 3, 5, 5))
/// ```
public struct UCR: Sendable, Hashable {
    /// The on-disk layout this codebook was read from and is written back in.
    public enum Format: String, Sendable, Hashable {
        /// slipcore 2.x: `{"version": …, "anchors": [{index, mnemonic, canonical, coords, is_core}]}`.
        case v1
        /// slipcore 3.x: `{"authority": {…}, "anchors": [{index, force, obj, canonical, coords, is_core, state, created_by}]}`.
        case v3
    }

    /// slipcore's `UCRAuthority`.
    public struct Authority: Sendable, Hashable {
        public var authorityID: String
        public var ucrVersion: String
        public var ucrHash: String

        public init(authorityID: String = "slipcore-default", ucrVersion: String, ucrHash: String = "") {
            self.authorityID = authorityID
            self.ucrVersion = ucrVersion
            self.ucrHash = ucrHash
        }
    }

    public var format: Format
    public var authority: Authority
    /// Anchors in insertion order (the order slipcore writes them).
    public private(set) var anchors: [UCRAnchor] = []
    private var positionByIndex: [Int: Int] = [:]
    private var positionByMnemonic: [String: Int] = [:]
    private var positionByForceObject: [String: Int] = [:]

    /// An empty codebook.
    public init(format: Format, authority: Authority) {
        self.format = format
        self.authority = authority
    }

    /// A codebook from a list of anchors; core anchors are allowed here, and only here.
    public init(format: Format, authority: Authority, anchors: [UCRAnchor]) throws(UCRError) {
        self.init(format: format, authority: authority)
        for anchor in anchors { try insert(anchor, allowCore: true) }
    }

    public var count: Int { anchors.count }

    /// The anchor with this index.
    public func anchor(index: Int) -> UCRAnchor? { positionByIndex[index].map { anchors[$0] } }

    /// The anchor with this mnemonic (`RequestReview`; for v3 codebooks also `RequestReview` = Force+Object).
    public func anchor(mnemonic: some StringProtocol) -> UCRAnchor? {
        positionByMnemonic[String(mnemonic)].map { anchors[$0] }
    }

    /// The anchor whose mnemonic matches `mnemonic` in any letter case (`requestreview` → `RequestReview`).
    public func anchor(mnemonicIgnoringCase mnemonic: some StringProtocol) -> UCRAnchor? {
        let lowered = mnemonic.lowercased()
        return anchors.first { $0.mnemonic.lowercased() == lowered }
    }

    /// The anchor with this Force/Object pair.
    public func anchor(force: Force, object: some StringProtocol) -> UCRAnchor? {
        positionByForceObject["\(force.rawValue) \(object)"].map { anchors[$0] }
    }

    /// Core anchors, in insertion order.
    public var coreAnchors: [UCRAnchor] { anchors.filter(\.isCore) }
    /// Extension anchors, in insertion order.
    public var extensionAnchors: [UCRAnchor] { anchors.filter { !$0.isCore } }

    /// The non-deprecated anchor nearest to `coords` by Manhattan distance; ties go to the lower index
    /// (slipcore's `find_nearest`).
    public func nearest(to coords: Coordinates) throws(UCRError) -> UCRAnchor {
        var best: UCRAnchor?
        var bestDistance = Int.max
        for anchor in anchors where anchor.state != .deprecated {
            let distance = anchor.coords.distance(to: coords)
            if distance < bestDistance || (distance == bestDistance && anchor.index < best!.index) {
                best = anchor
                bestDistance = distance
            }
        }
        guard let best else {
            throw UCRError(.noActiveAnchors, anchors.isEmpty ? "the codebook has no anchors" : "all anchors are deprecated")
        }
        return best
    }

    /// The index the next extension receives: one past the highest extension, or 0x8000.
    public func nextExtensionIndex() throws(UCRError) -> Int {
        let next = (extensionAnchors.map(\.index).max() ?? (UCRAnchor.coreRangeEnd - 1)) + 1
        guard next <= 0xFFFF else {
            throw UCRError(.extensionSpaceExhausted, "extension address space exhausted (0x8000-0xFFFF)")
        }
        return next
    }

    /// Adds an extension anchor (index ≥ 0x8000). Core anchors cannot be added at runtime.
    public mutating func addExtension(_ anchor: UCRAnchor) throws(UCRError) {
        try insert(anchor, allowCore: false)
    }

    /// Proposes a new extension anchor in the `draft` state at the next free extension index.
    @discardableResult
    public mutating func proposeExtension(
        force: Force, object: String, canonical: String, coords: Coordinates, createdBy: String = "swarm"
    ) throws(UCRError) -> UCRAnchor {
        let anchor = UCRAnchor(
            index: try nextExtensionIndex(), force: force, object: object, canonical: canonical, coords: coords,
            isCore: false, state: .draft, createdBy: createdBy)
        try addExtension(anchor)
        return anchor
    }

    /// Moves an extension anchor to a new lifecycle state (draft → proposed → approved → active → deprecated;
    /// any state may be deprecated). Core anchors are immutable.
    public mutating func transition(index: Int, to state: AnchorState, replacedBy: Int? = nil) throws(UCRError) {
        guard let position = positionByIndex[index] else {
            throw UCRError(.anchorNotFound, "no anchor with index \(Self.hex(index))", index: index)
        }
        let current = anchors[position]
        guard !current.isCore else {
            throw UCRError(.coreLocked, "core anchor \(current.mnemonic) (\(Self.hex(index))) is immutable", index: index)
        }
        let order: [AnchorState] = [.draft, .proposed, .approved, .active]
        let allowed: Bool
        if state == .deprecated {
            allowed = current.state != .deprecated
        } else if let from = order.firstIndex(of: current.state), let to = order.firstIndex(of: state) {
            allowed = to == from + 1
        } else {
            allowed = false
        }
        guard allowed else {
            throw UCRError(
                .invalidTransition, "anchor \(current.mnemonic) cannot move from \(current.state) to \(state)",
                index: index)
        }
        anchors[position].state = state
        if let replacedBy { anchors[position].replacedBy = replacedBy }
    }

    /// slipcore's `content_hash()`: SHA-256 over `index:force:obj:c0,c1,c2,c3` sorted by index and joined
    /// with `|`, first 16 hex digits.
    public func contentHash() -> String {
        let items = anchors.sorted { $0.index < $1.index }.map { anchor in
            "\(anchor.index):\(anchor.force.rawValue):\(anchor.object):"
                + anchor.coords.values.map(String.init).joined(separator: ",")
        }
        return String(SHA256.hexDigest(items.joined(separator: "|")).prefix(16))
    }

    private mutating func insert(_ anchor: UCRAnchor, allowCore: Bool) throws(UCRError) {
        guard (0...0xFFFF).contains(anchor.index) else {
            throw UCRError(.indexOutOfRange, "anchor index \(anchor.index) is outside 0x0000-0xFFFF", index: anchor.index)
        }
        guard WireToken.isAlphanumeric(anchor.object) else {
            throw UCRError(.invalidObject, "object token \(anchor.object.debugDescription) is not alphanumeric", index: anchor.index)
        }
        guard anchor.coords.isInRange else {
            throw UCRError(.coordsOutOfRange, "coords \(anchor.coords) of \(anchor.mnemonic) are outside 0-7", index: anchor.index)
        }
        if anchor.index < UCRAnchor.coreRangeEnd {
            guard anchor.isCore else {
                throw UCRError(.coreFlagMismatch, "core-range anchor \(Self.hex(anchor.index)) must be core", index: anchor.index)
            }
            guard allowCore else {
                throw UCRError(.coreLocked, "core anchor mutation is locked (index \(Self.hex(anchor.index)))", index: anchor.index)
            }
        } else if anchor.isCore {
            throw UCRError(.coreFlagMismatch, "extension-range anchor \(Self.hex(anchor.index)) must not be core", index: anchor.index)
        }
        guard positionByIndex[anchor.index] == nil else {
            throw UCRError(.duplicateIndex, "index \(Self.hex(anchor.index)) exists", index: anchor.index)
        }
        let pair = anchor.forceObject
        guard positionByForceObject[pair] == nil else {
            throw UCRError(.duplicateForceObject, "pair \(pair) exists", index: anchor.index)
        }
        guard positionByMnemonic[anchor.mnemonic] == nil else {
            throw UCRError(.duplicateMnemonic, "mnemonic \(anchor.mnemonic) exists", index: anchor.index)
        }
        positionByIndex[anchor.index] = anchors.count
        positionByForceObject[pair] = anchors.count
        positionByMnemonic[anchor.mnemonic] = anchors.count
        anchors.append(anchor)
    }

    /// An index as slipcore prints it: `0x0032`.
    public static func hex(_ index: Int) -> String {
        let digits = String(index, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
