extension SlipMessage {
    /// A v1 message whose fields are checked by the strict profile's rules, in wire order, with the
    /// parser's errors (the offsets are where the field would have been in the wire): ids and tokens
    /// `[A-Za-z0-9._-]+`, the anchor in `configuration`'s codebook, items that are not tokens quotable
    /// (no `"`, `\` or control characters), and the configured limits. What it returns, the strict
    /// parser reads back as the same message.
    ///
    /// ```swift
    /// let message = try SlipMessage.validatedV1(src: "alice", dst: "bob", anchor: "RequestReview", payload: ["auth_module"])
    /// message.wire  // "SLIP v1 alice bob RequestReview auth_module"
    /// ```
    public static func validatedV1(
        src: String, dst: String, anchor mnemonic: String, payload: [String] = [],
        configuration: WireParser.Configuration = WireParser.Configuration()
    ) throws(WireError) -> SlipMessage {
        var offset = 8
        for (field, id) in [("src", src), ("dst", dst)] {
            if let bad = id.utf8.firstIndex(where: { !WireToken.isStrictV1($0) }) {
                throw WireError(
                    .invalidAgentID, .validation,
                    "\(field) \(id.debugDescription) has a character outside [A-Za-z0-9._-] at offset "
                        + "\(offset + id.utf8.distance(from: id.utf8.startIndex, to: bad))",
                    token: id, offset: offset)
            }
            guard !id.isEmpty, id.utf8.count <= configuration.maxAgentIDLength else {
                throw WireError(
                    .invalidAgentID, .validation,
                    id.isEmpty
                        ? "\(field) is empty"
                        : "\(field) is \(id.utf8.count) characters, longer than \(configuration.maxAgentIDLength)",
                    token: id, offset: offset)
            }
            offset += id.utf8.count + 1
        }
        guard let anchor = configuration.v1Codebook.anchor(mnemonic: mnemonic) else {
            throw WireError(
                .unknownAnchor, .validation, StrictV1Parser.unknownAnchorMessage(mnemonic, in: configuration.v1Codebook),
                token: mnemonic, offset: offset)
        }
        offset += mnemonic.utf8.count
        guard payload.count <= configuration.maxPayloadItems else {
            throw WireError(
                .tooManyPayloadTokens, .validation, "more than \(configuration.maxPayloadItems) payload items", offset: offset)
        }
        for (index, item) in payload.enumerated() {
            offset += 1
            let quoted = !WireToken.isStrict(item)
            if quoted, let bad = item.unicodeScalars.first(where: { !WireToken.isQuotable($0) }) {
                let what = bad == "\"" ? "a double quote" : bad == "\\" ? "a backslash" : "control characters"
                throw WireError(
                    .invalidPayloadToken, .validation, "payload[\(index)]: quoted text may not contain \(what)", token: item,
                    offset: offset)
            }
            guard item.utf8.count <= configuration.maxPayloadItemBytes else {
                throw WireError(
                    .payloadTokenTooLong, .validation,
                    "payload[\(index)] is \(item.utf8.count) bytes, longer than \(configuration.maxPayloadItemBytes)",
                    token: item, offset: offset)
            }
            offset += item.utf8.count + (quoted ? 2 : 0)
        }
        guard offset <= configuration.maxLineBytes else {
            throw .lineTooLong(bytes: offset, limit: configuration.maxLineBytes)
        }
        return .v1(src: src, dst: dst, anchor: anchor, payload: payload)
    }
}
