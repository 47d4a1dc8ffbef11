import PostgresNIO
import SlipstreamHub

extension PostgresHubStore {
    public func addToken(_ token: HubAgentToken, hash: String) async throws {
        _ = try await HubError.postgres("add a token for \(token.agent.debugDescription) to \(prefix)_tokens on \(server)") {
            try await client.query(
                """
                INSERT INTO \(unescaped: prefix)_tokens (id, agent, hash, created_at)
                VALUES (\(token.id), \(token.agent), \(hash), \(HubTime.milliseconds(token.createdAt)))
                """)
        }
    }

    public func token(hash: String) async throws -> HubAgentToken? {
        try await HubError.postgres("look up a token in \(prefix)_tokens on \(server)") {
            try await Self.tokens(
                try await client.query("SELECT id, agent, created_at FROM \(unescaped: prefix)_tokens WHERE hash = \(hash)")
            )
            .first
        }
    }

    public func revokeTokens(_ idOrAgent: String) async throws -> [HubAgentToken] {
        try await HubError.postgres("revoke the tokens of \(idOrAgent.debugDescription) in \(prefix)_tokens on \(server)") {
            let rows = try await client.query(
                """
                DELETE FROM \(unescaped: prefix)_tokens WHERE id = \(idOrAgent) OR agent = \(idOrAgent)
                RETURNING id, agent, created_at
                """)
            return HubAgentToken.oldestFirst(try await Self.tokens(rows))
        }
    }

    public func tokens() async throws -> [HubAgentToken] {
        try await HubError.postgres("list the tokens in \(prefix)_tokens on \(server)") {
            try await Self.tokens(
                try await client.query(
                    "SELECT id, agent, created_at FROM \(unescaped: prefix)_tokens ORDER BY created_at, id COLLATE \"C\""))
        }
    }

    private static func tokens(_ rows: PostgresRowSequence) async throws -> [HubAgentToken] {
        var tokens: [HubAgentToken] = []
        for try await (id, agent, createdAt) in rows.decode((String, String, Int64).self) {
            tokens.append(HubAgentToken(id: id, agent: agent, createdAt: HubTime.date(milliseconds: createdAt)))
        }
        return tokens
    }

    /// Agent tokens: only the SHA-256 of each secret (`hash`), looked up by it. Run by ``prepare()``.
    func createTokenTable(_ connection: PostgresConnection) async throws {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS \(unescaped: prefix)_tokens (
                id TEXT PRIMARY KEY, agent TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL
            )
            """, logger: PostgresServer.quietLogger)
        try await connection.query(
            "CREATE INDEX IF NOT EXISTS \(unescaped: prefix)_tokens_by_agent ON \(unescaped: prefix)_tokens (agent)",
            logger: PostgresServer.quietLogger)
    }
}
