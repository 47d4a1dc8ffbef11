import SlipstreamCore

/// What ``Hub/send(_:)`` did with an accepted line.
public struct HubReceipt: Sendable, Hashable {
    /// The message's id.
    public var id: Int64
    /// The mailboxes it went to (sorted; empty when it was sent to a group with no other member).
    public var recipients: [String]
    /// The wire as stored (canonical; with the lenient profile, the repaired line).
    public var wire: String
    /// What the lenient profile changed to reach ``wire`` (empty for a strict line).
    public var repairs: [WireRepair]

    public init(id: Int64, recipients: [String], wire: String, repairs: [WireRepair] = []) {
        self.id = id
        self.recipients = recipients
        self.wire = wire
        self.repairs = repairs
    }
}
