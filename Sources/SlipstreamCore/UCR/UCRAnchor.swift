/// One anchor of the UCR codebook: a named point of the semantic manifold.
///
/// ```swift
/// let review = UCR.v1.anchor(mnemonic: "RequestReview")!
/// review.force    // .request
/// review.object   // "Review"
/// review.coords   // (3, 4, 3, 3)
/// ```
public struct UCRAnchor: Sendable, Hashable {
    /// Indices below this are core (immutable at runtime); 0x8000–0xFFFF are extensions.
    public static let coreRangeEnd = 0x8000

    public var index: Int
    /// The v1 mnemonic (`RequestReview`, `Accept`); for v3 codebooks, Force+Object (`AcceptGeneric`).
    public var mnemonic: String
    public var force: Force
    public var object: String
    public var canonical: String
    public var coords: Coordinates
    public var isCore: Bool
    public var state: AnchorState
    public var createdBy: String
    public var replacedBy: Int?

    public init(
        index: Int, mnemonic: String? = nil, force: Force, object: String, canonical: String,
        coords: Coordinates, isCore: Bool? = nil, state: AnchorState = .active, createdBy: String = "core",
        replacedBy: Int? = nil
    ) {
        self.index = index
        self.mnemonic = mnemonic ?? force.rawValue + object
        self.force = force
        self.object = object
        self.canonical = canonical
        self.coords = coords
        self.isCore = isCore ?? (index < Self.coreRangeEnd)
        self.state = state
        self.createdBy = createdBy
        self.replacedBy = replacedBy
    }

    /// The v3 wire pair, e.g. `Request Review`.
    public var forceObject: String { "\(force.rawValue) \(object)" }
}
