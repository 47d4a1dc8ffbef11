import SlipstreamHub

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``HubStore`` that opens the real one on first use, so a run that never routes a wire never touches
/// the store's file (and works where that file cannot be made). The hub counterpart of ``LazyFallbackStore``.
public final class LazyHubStore: HubStore {
    private let real: OpenOnFirstUse<any HubStore>

    /// A store that calls `open` when it is first used (again after `open` threw).
    public init(_ open: @escaping @Sendable () throws -> any HubStore) {
        real = OpenOnFirstUse(open)
    }

    public func append(_ envelope: HubEnvelope, to recipients: [String], maxPending: Int) async throws -> Int64 {
        try await real.value().append(envelope, to: recipients, maxPending: maxPending)
    }

    public func stats() async throws -> HubStats {
        try await real.value().stats()
    }

    public func fetch(for recipient: String, after: Int64, limit: Int) async throws -> [HubMessage] {
        try await real.value().fetch(for: recipient, after: after, limit: limit)
    }

    @discardableResult
    public func acknowledge(for recipient: String, through id: Int64) async throws -> Int64 {
        try await real.value().acknowledge(for: recipient, through: id)
    }

    public func join(group: String, agent: String) async throws {
        try await real.value().join(group: group, agent: agent)
    }

    public func leave(group: String, agent: String) async throws {
        try await real.value().leave(group: group, agent: agent)
    }

    public func members(of group: String) async throws -> [String] {
        try await real.value().members(of: group)
    }

    public func addToken(_ token: HubAgentToken, hash: String) async throws {
        try await real.value().addToken(token, hash: hash)
    }

    public func token(hash: String) async throws -> HubAgentToken? {
        try await real.value().token(hash: hash)
    }

    public func revokeTokens(_ idOrAgent: String) async throws -> [HubAgentToken] {
        try await real.value().revokeTokens(idOrAgent)
    }

    public func tokens() async throws -> [HubAgentToken] {
        try await real.value().tokens()
    }

    public func waitForMessages(for recipient: String, after: Int64, timeout: Duration) async throws {
        try await real.value().waitForMessages(for: recipient, after: after, timeout: timeout)
    }

    public func prune(sentBefore: Date) async throws -> Int {
        try await real.value().prune(sentBefore: sentBefore)
    }

    public func consumeRate(for sender: String, limit: HubConfiguration.RateLimit, now: Date) async throws -> Duration? {
        try await real.value().consumeRate(for: sender, limit: limit, now: now)
    }
}
