import SlipstreamCore

extension HubAgentToken {
    /// The JSON object `hub token list --json` writes: `id, agent, createdAt` (ISO 8601, UTC, milliseconds).
    public var json: JSONValue { json(secret: nil) }

    /// ``json``, and with `secret` also `token`: what `hub token issue --json` writes, once.
    public func json(secret: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(id)), ("agent", .string(agent)), ("createdAt", .string(HubTime.iso8601(createdAt))),
        ]
        if let secret { fields.append(("token", .string(secret))) }
        return .object(fields)
    }
}
