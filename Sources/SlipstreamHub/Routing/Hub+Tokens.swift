#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Hub {
    /// Issues a new token for `agent`: returns it and its secret, which exists nowhere else (the store keeps
    /// its SHA-256). Give the secret to the agent; a hub server that checks tokens lets it act only as `agent`.
    public func issueToken(for agent: String) async throws(HubError) -> (token: HubAgentToken, secret: String) {
        try Self.check(agent, as: "agent")
        let secret = HubAgentToken.newSecret()
        let token = HubAgentToken(id: HubAgentToken.newID(), agent: agent, createdAt: HubTime.rounded(Date()))
        try await HubError.storage("issue a token for \(agent.debugDescription)") {
            try await store.addToken(token, hash: HubAgentToken.hash(of: secret))
        }
        return (token, secret)
    }

    /// Revokes the token whose id is `idOrAgent`, and every token of the agent `idOrAgent`; returns them
    /// (empty when there was none). Servers on the store refuse them from their next request on.
    @discardableResult
    public func revokeTokens(_ idOrAgent: String) async throws(HubError) -> [HubAgentToken] {
        try Self.check(idOrAgent, as: "token id or agent")
        return try await HubError.storage("revoke the tokens of \(idOrAgent.debugDescription)") {
            try await store.revokeTokens(idOrAgent)
        }
    }

    /// Every agent token, oldest first: ids, agents and when they were issued (the store has no secret).
    public func tokens() async throws(HubError) -> [HubAgentToken] {
        try await HubError.storage("list the agent tokens") { try await store.tokens() }
    }

    /// The agent token whose secret is `secret`; nil when there is none (never issued, or revoked). The
    /// store looks it up by the secret's SHA-256, so no secret is ever compared.
    public func authenticate(_ secret: String) async throws(HubError) -> HubAgentToken? {
        try await HubError.storage("look up an agent token") {
            try await store.token(hash: HubAgentToken.hash(of: secret))
        }
    }
}
