/// A row converted to another wire version, and what did not carry over exactly.
public struct RowConversion: Sendable, Hashable {
    public var row: DatasetRow
    /// What changed beyond the version (a repaired source wire, ids and payload tokens that do not map
    /// back, a replaced custom system prompt); empty when converting back gives the original row.
    public var losses: [String]

    public init(row: DatasetRow, losses: [String] = []) {
        self.row = row
        self.losses = losses
    }
}
