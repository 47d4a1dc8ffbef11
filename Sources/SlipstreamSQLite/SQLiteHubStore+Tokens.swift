import GRDB
import SlipstreamHub

extension SQLiteHubStore {
    public func addToken(_ token: HubAgentToken, hash: String) async throws {
        try await HubError.storage("add a token for \(token.agent.debugDescription) to \(path.debugDescription)") {
            try await database.write { db in
                try db.execute(
                    sql: "INSERT INTO hub_tokens (id, agent, hash, created_at) VALUES (?, ?, ?, ?)",
                    arguments: [token.id, token.agent, hash, HubTime.milliseconds(token.createdAt)])
            }
        }
    }

    public func token(hash: String) async throws -> HubAgentToken? {
        try await HubError.storage("look up a token in \(path.debugDescription)") {
            try await database.read { db in
                try Row.fetchOne(db, sql: "SELECT id, agent, created_at FROM hub_tokens WHERE hash = ?", arguments: [hash])
                    .map(Self.token)
            }
        }
    }

    public func revokeTokens(_ idOrAgent: String) async throws -> [HubAgentToken] {
        try await HubError.storage("revoke the tokens of \(idOrAgent.debugDescription) in \(path.debugDescription)") {
            try await database.write { db in
                let rows = try Row.fetchAll(
                    db, sql: "DELETE FROM hub_tokens WHERE id = ?1 OR agent = ?1 RETURNING id, agent, created_at", arguments: [idOrAgent])
                return HubAgentToken.oldestFirst(rows.map(Self.token))
            }
        }
    }

    public func tokens() async throws -> [HubAgentToken] {
        try await HubError.storage("list the tokens in \(path.debugDescription)") {
            try await database.read { db in
                try Row.fetchAll(db, sql: "SELECT id, agent, created_at FROM hub_tokens ORDER BY created_at, id").map(Self.token)
            }
        }
    }

    private static func token(_ row: Row) -> HubAgentToken {
        HubAgentToken(id: row["id"], agent: row["agent"], createdAt: HubTime.date(milliseconds: row["created_at"]))
    }

    /// Agent tokens: only the SHA-256 of each secret (`hash`), looked up by it.
    static func createTokenTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE hub_tokens (
                    id TEXT PRIMARY KEY,
                    agent TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX hub_tokens_by_agent ON hub_tokens (agent);
                """)
    }
}
