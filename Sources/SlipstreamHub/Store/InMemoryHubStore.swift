import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``HubStore`` in this process's memory: for tests and a hub that may forget everything on restart.
public final class InMemoryHubStore: HubStore {
    private struct State {
        var lastID: Int64 = 0
        var mailboxes: [String: [HubMessage]] = [:]
        var cursors: [String: Int64] = [:]
        var groups: [String: Set<String>] = [:]
        var buckets: [String: HubRateBucket] = [:]
        /// Agent tokens by the SHA-256 of their secret.
        var tokens: [String: HubAgentToken] = [:]

        func unacknowledged(_ recipient: String, after: Int64) -> ArraySlice<HubMessage> {
            let floor = max(after, cursors[recipient] ?? 0)
            let mailbox = mailboxes[recipient] ?? []
            // Ids are increasing: the first one above the floor starts the slice.
            var low = 0
            var high = mailbox.count
            while low < high {
                let middle = (low + high) / 2
                if mailbox[middle].id <= floor { low = middle + 1 } else { high = middle }
            }
            return mailbox[low...]
        }
    }

    private let state = Mutex(State())
    private let signal = HubSignal()

    public init() {}

    /// Whether a receiver is waiting for messages (in ``waitForMessages(for:after:timeout:)``).
    public var hasWaitingReceivers: Bool { signal.isAwaited }

    public func append(_ envelope: HubEnvelope, to recipients: [String], maxPending: Int) async throws -> Int64 {
        let recipients = Set(recipients).sorted()
        let id = try state.withLock { state throws(HubError) in
            if maxPending > 0 {
                for recipient in recipients {
                    let pending = state.unacknowledged(recipient, after: 0).count
                    if pending >= maxPending { throw .mailboxFull(recipient: recipient, pending: pending, limit: maxPending) }
                }
            }
            state.lastID += 1
            for recipient in recipients {
                state.mailboxes[recipient, default: []].append(HubMessage(id: state.lastID, envelope: envelope, recipient: recipient))
            }
            return state.lastID
        }
        signal.notify()
        return id
    }

    public func stats() async throws -> HubStats {
        state.withLock { state in
            let recipients = Set(state.mailboxes.keys).union(state.cursors.filter { $0.value > 0 }.keys).sorted()
            let mailboxes = recipients.map { recipient in
                let pending = state.unacknowledged(recipient, after: 0)
                return HubStats.Mailbox(
                    recipient: recipient, pending: pending.count, oldestPendingID: pending.first?.id,
                    oldestPendingSentAt: pending.first?.sentAt, ackedThrough: state.cursors[recipient] ?? 0)
            }
            let messages = Set(state.mailboxes.values.lazy.flatMap { $0.map(\.id) }).count
            return HubStats(
                mailboxes: mailboxes.filter { $0.pending > 0 || $0.ackedThrough > 0 }, messages: messages, groups: state.groups.count)
        }
    }

    public func fetch(for recipient: String, after: Int64, limit: Int) async throws -> [HubMessage] {
        state.withLock { Array($0.unacknowledged(recipient, after: after).prefix(max(0, limit))) }
    }

    public func acknowledge(for recipient: String, through id: Int64) async throws -> Int64 {
        state.withLock { state in
            let newest = state.mailboxes[recipient]?.last?.id ?? 0
            let cursor = max(state.cursors[recipient] ?? 0, min(id, newest))
            state.cursors[recipient] = cursor
            // What is acknowledged is never fetched again: drop it.
            state.mailboxes[recipient]?.removeAll { $0.id <= cursor }
            return cursor
        }
    }

    public func join(group: String, agent: String) async throws {
        state.withLock { _ = $0.groups[group, default: []].insert(agent) }
    }

    public func leave(group: String, agent: String) async throws {
        state.withLock { state in
            state.groups[group]?.remove(agent)
            if state.groups[group]?.isEmpty == true { state.groups[group] = nil }
        }
    }

    public func members(of group: String) async throws -> [String] {
        state.withLock { ($0.groups[group] ?? []).sorted() }
    }

    public func addToken(_ token: HubAgentToken, hash: String) async throws {
        try state.withLock { state throws(HubError) in
            guard state.tokens[hash] == nil, !state.tokens.values.contains(where: { $0.id == token.id }) else {
                throw HubError(.storage, "a token with the id \(token.id) or the same secret is already kept")
            }
            state.tokens[hash] = token
        }
    }

    public func token(hash: String) async throws -> HubAgentToken? {
        state.withLock { $0.tokens[hash] }
    }

    public func revokeTokens(_ idOrAgent: String) async throws -> [HubAgentToken] {
        state.withLock { state in
            let revoked = state.tokens.filter { $0.value.id == idOrAgent || $0.value.agent == idOrAgent }
            for hash in revoked.keys { state.tokens[hash] = nil }
            return HubAgentToken.oldestFirst(revoked.values)
        }
    }

    public func tokens() async throws -> [HubAgentToken] {
        state.withLock { HubAgentToken.oldestFirst($0.tokens.values) }
    }

    /// Forgets the rate buckets that are full again; no message to delete: this store keeps none that its
    /// recipients have all acknowledged.
    public func prune(sentBefore: Date) async throws -> Int {
        let now = HubTime.microseconds(Date())
        state.withLock { state in state.buckets = state.buckets.filter { $0.value.fullAt > now } }
        return 0
    }

    /// Senders tracked before the full buckets are forgotten (a full bucket is the same as none).
    private static let maxTrackedSenders = 10_000

    public func consumeRate(for sender: String, limit: HubConfiguration.RateLimit, now: Date) async throws -> Duration? {
        state.withLock { state in
            var bucket = state.buckets[sender] ?? HubRateBucket()
            if let wait = bucket.take(limit, at: now) { return wait }
            if state.buckets.count >= Self.maxTrackedSenders {
                let microseconds = HubTime.microseconds(now)
                state.buckets = state.buckets.filter { $0.value.fullAt > microseconds }
            }
            state.buckets[sender] = bucket
            return nil
        }
    }

    public func waitForMessages(for recipient: String, after: Int64, timeout: Duration) async throws {
        try await signal.wait(
            until: { state.withLock { !$0.unacknowledged(recipient, after: after).isEmpty } }, timeout: timeout, poll: timeout)
    }
}
