#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a hub keeps its messages, mailboxes, cursors and groups: in memory, in a SQLite file shared by
/// the processes of one machine, or on a PostgreSQL server shared by many.
///
/// Every store passes one conformance suite (Tests/SlipstreamStorageTests). Its guarantees:
/// - ``append(_:to:)`` is atomic: the message reaches all its recipients or none, and its id is larger
///   than every id appended before it, for every instance on the same storage. Ids become visible in
///   order: once a reader sees id `n`, no message with a smaller id appears later.
/// - An appended message stays until its recipient acknowledges it, across restarts.
/// - Acknowledging is per recipient, idempotent, and never moves a cursor backwards.
/// - A sender's rate budget is one for every instance on the same storage: ``consumeRate(for:limit:now:)``
///   takes from it atomically.
/// - A mailbox limit holds for every instance on the same storage: ``append(_:to:maxPending:)`` checks the
///   recipients' pending counts and appends in one atomic step.
/// - Agent tokens (``HubAgentToken``) are kept as the SHA-256 of their secret only; an issued or revoked token
///   is so for every instance on the same storage at once.
public protocol HubStore: Sendable {
    /// Appends `envelope` for `recipients` (possibly none) in one transaction; returns its id.
    func append(_ envelope: HubEnvelope, to recipients: [String]) async throws -> Int64

    /// Up to `limit` of `recipient`'s unacknowledged messages with an id above `after`, oldest first.
    func fetch(for recipient: String, after: Int64, limit: Int) async throws -> [HubMessage]

    /// Acknowledges `recipient`'s messages through `id` (no further than its newest message); returns the
    /// recipient's cursor, which never moves backwards.
    @discardableResult
    func acknowledge(for recipient: String, through id: Int64) async throws -> Int64

    /// Adds `agent` to `group` (nothing happens when it is a member already).
    func join(group: String, agent: String) async throws

    /// Removes `agent` from `group` (nothing happens when it is not a member).
    func leave(group: String, agent: String) async throws

    /// The members of `group`, sorted; empty for a group nobody joined.
    func members(of group: String) async throws -> [String]

    /// Keeps `token`, whose secret has the SHA-256 `hash` (lowercase hex, ``HubAgentToken/hash(of:)``).
    func addToken(_ token: HubAgentToken, hash: String) async throws

    /// The token whose secret has the SHA-256 `hash`; nil when there is none (never issued, or revoked).
    func token(hash: String) async throws -> HubAgentToken?

    /// Deletes the token whose id is `idOrAgent` and every token of the agent `idOrAgent`; returns them,
    /// oldest first. Every instance on the same storage stops accepting them at once.
    func revokeTokens(_ idOrAgent: String) async throws -> [HubAgentToken]

    /// Every token, oldest first (then by id).
    func tokens() async throws -> [HubAgentToken]

    /// Returns once `recipient` may have an unacknowledged message above `after` (at once when it has one),
    /// or when `timeout` has passed, or the task is cancelled; ``fetch(for:after:limit:)`` tells which.
    /// Appends through other instances on the same storage (other processes, other machines) wake it too.
    func waitForMessages(for recipient: String, after: Int64, timeout: Duration) async throws

    /// Deletes the messages sent before `sentBefore` that every recipient has acknowledged (or that had
    /// none); returns how many. An unacknowledged message is never deleted. Forgets the rate buckets that
    /// are full again (the same as none).
    func prune(sentBefore: Date) async throws -> Int

    /// Takes one message from `sender`'s ``HubRateBucket`` under `limit` at `now`, in one atomic step for
    /// every instance on the same storage (hubs sharing a store share each sender's budget): nil when the
    /// sender may send, else how long until it may (nothing is taken then).
    func consumeRate(for sender: String, limit: HubConfiguration.RateLimit, now: Date) async throws -> Duration?

    /// Appends `envelope` for `recipients` as ``append(_:to:)`` does, unless one of them already has
    /// `maxPending` unacknowledged messages (0: no limit): then nothing is appended and it throws
    /// ``HubError/mailboxFull(recipient:pending:limit:)`` naming the first such recipient by name. The
    /// check and the append are one atomic step for every instance on the same storage, so concurrent
    /// senders never put a mailbox over the limit.
    func append(_ envelope: HubEnvelope, to recipients: [String], maxPending: Int) async throws -> Int64

    /// Every mailbox with a pending message or a cursor, and the store's totals, as of one moment.
    func stats() async throws -> HubStats
}

extension HubStore {
    /// Appends without a mailbox limit.
    public func append(_ envelope: HubEnvelope, to recipients: [String]) async throws -> Int64 {
        try await append(envelope, to: recipients, maxPending: 0)
    }
}
