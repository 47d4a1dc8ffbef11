/// The lifecycle of a UCR anchor (slipcore's `AnchorState`).
public enum AnchorState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft, proposed, approved, active, deprecated
}
