#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Who is behind, and how much a store holds: what `slipstream hub stats` prints and `GET /v1/stats` answers.
///
/// ```swift
/// let stats = try await hub.stats()
/// for mailbox in stats.mailboxes where mailbox.pending > 0 {
///     print(mailbox.recipient, mailbox.pending, mailbox.oldestPendingSentAt.map { Date().timeIntervalSince($0) } ?? 0)
/// }
/// ```
public struct HubStats: Sendable, Hashable {
    /// One recipient's mailbox.
    public struct Mailbox: Sendable, Hashable {
        /// The agent.
        public var recipient: String
        /// Its unacknowledged messages.
        public var pending: Int
        /// The id of its oldest unacknowledged message (nil when none is pending).
        public var oldestPendingID: Int64?
        /// When its oldest unacknowledged message was sent (nil when none is pending).
        public var oldestPendingSentAt: Date?
        /// Its cursor: it acknowledged every message through this id (0: none yet).
        public var ackedThrough: Int64

        public init(recipient: String, pending: Int, oldestPendingID: Int64?, oldestPendingSentAt: Date?, ackedThrough: Int64) {
            self.recipient = recipient
            self.pending = pending
            self.oldestPendingID = oldestPendingID
            self.oldestPendingSentAt = oldestPendingSentAt
            self.ackedThrough = ackedThrough
        }
    }

    /// Every recipient that has a pending message or has acknowledged one, sorted by name.
    public var mailboxes: [Mailbox]
    /// The messages the store keeps: the SQLite and PostgreSQL stores keep acknowledged messages until a
    /// prune deletes them; the in-memory store forgets a message once every recipient acknowledged it.
    public var messages: Int
    /// The groups with at least one member.
    public var groups: Int
    /// The mailbox limit of the hub server that reported (``HubConfiguration/maxPending``, 0: none); nil
    /// from a store, which does not know the limits of the hubs on it.
    public var maxPending: Int?

    public init(mailboxes: [Mailbox], messages: Int, groups: Int, maxPending: Int? = nil) {
        self.mailboxes = mailboxes
        self.messages = messages
        self.groups = groups
        self.maxPending = maxPending
    }

    /// Unacknowledged deliveries, over all mailboxes.
    public var pendingDeliveries: Int { mailboxes.reduce(0) { $0 + $1.pending } }
}
