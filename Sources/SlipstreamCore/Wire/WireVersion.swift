/// A SLIP wire version: v1 (what the published model speaks) or v3 (what slipcore 3.x speaks).
public enum WireVersion: String, Sendable, Hashable, CaseIterable, Codable {
    /// `SLIP v1 <src> <dst> <Anchor> [payload...]`
    case v1
    /// `SLIP v3 <src> <dst> <Force> <Object> [payload...]`
    case v3
}
