import SlipstreamCore

/// Reading the messages of A2A 1.0 envelopes.
extension SlipA2AMessage {
    /// Reads a message of an envelope at `path` (`result.message.`), its role as ``role`` keeps it (`ROLE_USER`
    /// → `user`, `ROLE_AGENT` → `agent`).
    static func readEnveloped(_ json: JSONValue, path: String, ucr: UCR?, parser: WireParser) throws(SlipA2AError) -> Self {
        var message = try read(document: json, path: path, ucr: ucr, parser: parser)
        message.role = SlipA2A.messageRole(message.role)
        return message
    }

    /// ``readEnveloped(_:path:ucr:parser:)``, or nil for a message that is not SLIP-A2A at all (no text first
    /// part, or neither the extension nor a text starting with `SLIP `).
    static func readIfSlip(_ json: JSONValue, path: String, ucr: UCR?, parser: WireParser) throws(SlipA2AError) -> Self? {
        do {
            return try readEnveloped(json, path: path, ucr: ucr, parser: parser)
        } catch  where error.code == .notSlipA2A || error.code == .noTextPart {
            return nil
        }
    }
}

extension SlipA2AContent {
    /// ``read(_:path:ucr:parser:)``, or nil for an object that is not SLIP-A2A at all.
    static func readIfSlip(_ json: JSONValue, path: String, ucr: UCR?, parser: WireParser) throws(SlipA2AError) -> Self? {
        do {
            return try read(json, path: path, ucr: ucr, parser: parser)
        } catch  where error.code == .notSlipA2A || error.code == .noTextPart {
            return nil
        }
    }
}
