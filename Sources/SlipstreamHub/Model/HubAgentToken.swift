import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A bearer token bound to one agent, as a hub's store keeps it: its id, its agent and when it was issued.
/// Never its secret: the store keeps only the secret's SHA-256 (``hash(of:)``), so a copy of the store
/// lets no one act as an agent.
///
/// A hub server that checks tokens lets a request carrying the secret act only as ``agent``: send wires
/// whose `src` is the agent, read and acknowledge its mailbox, join and leave groups as it (docs/hub.md).
///
/// ```swift
/// let (token, secret) = try await hub.issueToken(for: "alice")  // give `secret` to alice, once
/// try await hub.authenticate(secret)  // token
/// try await hub.revokeTokens(token.id)
/// ```
public struct HubAgentToken: Sendable, Hashable {
    /// The token's public name (`tok_` and 16 hex digits), for listing and revoking it.
    public var id: String
    /// The agent the token acts as.
    public var agent: String
    /// When it was issued (whole milliseconds, as the stores keep it).
    public var createdAt: Date

    public init(id: String, agent: String, createdAt: Date) {
        self.id = id
        self.agent = agent
        self.createdAt = createdAt
    }

    /// `tokens` oldest first, then by id: the order stores list and revoke them in.
    public static func oldestFirst(_ tokens: some Sequence<HubAgentToken>) -> [HubAgentToken] {
        tokens.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Random bytes in a secret: 256 bits, so a secret is never guessed and its SHA-256 needs no salt.
    public static let secretBytes = 32

    /// A new secret: `slip_` and 64 hex digits from the system's cryptographically secure generator.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return "slip_" + hex((0..<secretBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// A new id: `tok_` and 16 hex digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "tok_" + hex((0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// What the store keeps of a secret: its SHA-256, as lowercase hex.
    public static func hash(of secret: String) -> String { SHA256.hexDigest(secret) }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
