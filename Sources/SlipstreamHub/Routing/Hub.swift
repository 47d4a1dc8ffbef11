import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Routes wire lines between agents over a ``HubStore``: validates, limits, resolves recipients and
/// appends on send; fetches (waiting when asked) and acknowledges on receive.
///
/// Delivery is at least once: a message stays in its recipient's mailbox until the recipient
/// acknowledges it, so a receiver that stops before acknowledging gets it again.
///
/// ```swift
/// let hub = Hub(store: InMemoryHubStore())
/// try await hub.join(group: "reviewers", agent: "bob")
/// let receipt = try await hub.send("SLIP v1 alice reviewers RequestReview auth_module")
/// receipt.recipients  // ["bob"]
/// let messages = try await hub.receive(agent: "bob", wait: .seconds(5))
/// try await hub.acknowledge(agent: "bob", through: messages.last!.id)
/// ```
public struct Hub: Sendable {
    public let store: any HubStore
    public let configuration: HubConfiguration
    private let parser: WireParser

    public init(store: any HubStore, configuration: HubConfiguration = HubConfiguration()) {
        self.store = store
        self.configuration = configuration
        self.parser = configuration.parser
    }

    /// Validates `line`, checks its sender's rate (in the store, so every hub on it shares the budget), and
    /// stores it for its recipients: the members of the group `dst` except the sender when `dst` is a group
    /// with members, else `dst` itself. When one recipient's mailbox is full (``HubConfiguration/maxPending``)
    /// it reaches none of them: ``HubError/Code/mailboxFull``.
    public func send(_ line: String) async throws(HubError) -> HubReceipt {
        try await send(line, as: nil)
    }

    /// ``send(_:)`` on behalf of `agent` (the agent of a request's token): a valid wire whose `src` is not
    /// `agent` is refused with ``HubError/Code/forbidden`` before its rate is checked. Nil: any `src`.
    public func send(_ line: String, as agent: String?) async throws(HubError) -> HubReceipt {
        let bytes = line.utf8.count
        guard bytes <= configuration.maxLineBytes else {
            throw HubError(
                .lineTooLong, "line is \(bytes) bytes, longer than the limit of \(configuration.maxLineBytes)",
                offset: configuration.maxLineBytes)
        }
        let outcome: WireParser.Outcome
        do throws(WireError) {
            outcome = try parser.parseReportingRepairs(line)
        } catch {
            throw .invalidWire(error)
        }
        let message = outcome.message
        guard configuration.versions.contains(message.version) else {
            let accepted = configuration.versions.map(\.rawValue).sorted().joined(separator: ", ")
            throw HubError(
                .versionNotAccepted, "wire version \(message.version.rawValue) is not accepted here (accepted: \(accepted))",
                offset: 5)
        }
        if let agent, message.src != agent {
            throw HubError(
                .forbidden,
                "the wire's src \(message.src.debugDescription) is not \(agent.debugDescription), the agent of this token: "
                    + "it sends only as itself")
        }
        let limit = configuration.rateLimit
        if limit.isOn {
            let retryAfter = try await HubError.storage("check the rate of \(message.src.debugDescription)") {
                try await store.consumeRate(for: message.src, limit: limit, now: Date())
            }
            if let retryAfter {
                throw HubError(
                    .rateLimited,
                    "sender \(message.src.debugDescription) is over its rate of \(limit.messagesPerSecond)/s (burst \(limit.burst))",
                    retryAfter: retryAfter)
            }
        }
        let envelope = HubEnvelope(message)
        let recipients = try await HubError.storage("resolve the recipients of \(envelope.dst.debugDescription)") {
            let members = try await store.members(of: envelope.dst)
            return members.isEmpty ? [envelope.dst] : members.filter { $0 != envelope.src }
        }
        let id = try await HubError.storage("store the message from \(envelope.src.debugDescription)") {
            try await store.append(envelope, to: recipients, maxPending: max(0, configuration.maxPending))
        }
        return HubReceipt(id: id, recipients: recipients, wire: envelope.wire, repairs: outcome.repairs)
    }

    /// Up to `limit` (at most ``HubConfiguration/maxFetch``) of `agent`'s unacknowledged messages above
    /// `after`, oldest first; when there is none, waits up to `wait` (at most ``HubConfiguration/maxWait``,
    /// and a day) for one.
    public func receive(
        agent: String, after: Int64 = 0, limit: Int? = nil, wait: Duration = .zero
    ) async throws(HubError)
        -> [HubMessage]
    {
        try Self.check(agent, as: "agent")
        let count = min(max(limit ?? configuration.maxFetch, 1), configuration.maxFetch)
        let deadline = ContinuousClock.now + min(max(wait, .zero), configuration.maxWait, .seconds(86_400))
        return try await HubError.storage("fetch the messages of \(agent.debugDescription)") {
            while true {
                let messages = try await store.fetch(for: agent, after: after, limit: count)
                let remaining = deadline - .now
                if !messages.isEmpty || remaining <= .zero || Task.isCancelled { return messages }
                try await store.waitForMessages(for: agent, after: after, timeout: remaining)
            }
        }
    }

    /// Acknowledges `agent`'s messages through `id`: they are not received again. Returns the agent's
    /// cursor (never lower than before; no further than its newest message).
    @discardableResult
    public func acknowledge(agent: String, through id: Int64) async throws(HubError) -> Int64 {
        try Self.check(agent, as: "agent")
        return try await HubError.storage("acknowledge the messages of \(agent.debugDescription)") {
            try await store.acknowledge(for: agent, through: id)
        }
    }

    /// Adds `agent` to `group`: wires to `group` reach it from then on.
    public func join(group: String, agent: String) async throws(HubError) {
        try Self.check(group, as: "group")
        try Self.check(agent, as: "agent")
        try await HubError.storage("add \(agent.debugDescription) to \(group.debugDescription)") {
            try await store.join(group: group, agent: agent)
        }
    }

    /// Removes `agent` from `group`; what was sent to it before stays in its mailbox.
    public func leave(group: String, agent: String) async throws(HubError) {
        try Self.check(group, as: "group")
        try Self.check(agent, as: "agent")
        try await HubError.storage("remove \(agent.debugDescription) from \(group.debugDescription)") {
            try await store.leave(group: group, agent: agent)
        }
    }

    /// The members of `group`, sorted.
    public func members(of group: String) async throws(HubError) -> [String] {
        try Self.check(group, as: "group")
        return try await HubError.storage("list the members of \(group.debugDescription)") {
            try await store.members(of: group)
        }
    }

    /// Deletes the messages older than `age` that every recipient has acknowledged; returns how many.
    /// Unacknowledged messages stay, whatever their age.
    @discardableResult
    public func prune(olderThan age: Duration) async throws(HubError) -> Int {
        let cutoff = Date(timeIntervalSinceNow: -HubTime.seconds(max(age, .zero)))
        return try await HubError.storage("prune the messages older than \(age)") {
            try await store.prune(sentBefore: cutoff)
        }
    }

    /// Every mailbox with a pending message or a cursor, and the store's totals (``HubStats/maxPending`` is
    /// nil: other hubs on the store may have other limits; a hub server reports its own).
    public func stats() async throws(HubError) -> HubStats {
        try await HubError.storage("read the statistics of the hub store") { try await store.stats() }
    }

    /// Longest agent or group name (the v1 agent id limit).
    public static let maxNameBytes = WireParser.Configuration().maxAgentIDLength

    /// Whether `name` can be an agent or group: a v1 id, `[A-Za-z0-9._-]+` of at most ``maxNameBytes``.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        WireToken.isStrict(name) && name.utf8.count <= maxNameBytes
    }

    /// Throws ``HubError/Code/invalidName`` unless `name` is a valid name.
    public static func check(_ name: String, as role: String) throws(HubError) {
        guard isValidName(name) else {
            throw HubError(
                .invalidName, "\(role) \(name.prefix(80).debugDescription) is not [A-Za-z0-9._-]+ of at most \(maxNameBytes) bytes")
        }
    }
}
