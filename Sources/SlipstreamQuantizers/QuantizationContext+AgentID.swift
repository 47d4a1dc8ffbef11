import SlipstreamCore

extension QuantizationContext {
    /// Throws ``QuantizerError/Code/invalidAgentID`` unless `id` is a v1 agent id (`[A-Za-z0-9._-]+`, at
    /// most 64 bytes): a sender or receiver a caller names goes into the wire as given (a v3 wire carries
    /// its v3 form, `auth_module` → `authModule`), never silently changed. `role` names it in the message
    /// (`--from`, `to`).
    public static func checkAgentID(_ id: String, as role: String) throws(QuantizerError) {
        let limit = WireParser.Configuration().maxAgentIDLength
        guard !WireToken.isStrict(id) || id.utf8.count > limit else { return }
        throw QuantizerError(
            .invalidAgentID, "\(role) \(id.prefix(80).debugDescription) is not an agent id: use [A-Za-z0-9._-], at most \(limit) bytes")
    }
}
