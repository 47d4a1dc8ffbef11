/// The strict v1 grammar over UTF-8 bytes:
/// `SLIP v1 <src> <dst> <Anchor> [item...]`, single spaces, ids and tokens `[A-Za-z0-9._-]+`,
/// items either tokens or `"quoted text"` without `"`, `\` or control characters, Anchor in the codebook.
struct StrictV1Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let configuration: WireParser.Configuration

    /// Where the fields of the (already canonical) line lie.
    func parse() throws(WireError) -> SlipMessage.Layout {
        var position = 0
        var index = 0
        var srcEnd = 0
        var dstEnd = 0
        var anchorEnd = 0
        var anchor: UCRAnchor?
        var payloadCount = 0
        guard !bytes.isEmpty else {
            throw WireError(.empty, .parse, "Too short: the line is empty", offset: 0)
        }
        while position < bytes.count {
            if index > 0 {
                // Exactly one space between items.
                position += 1
                if position >= bytes.count || bytes[position] == 0x20 {
                    throw whitespaceError(at: position - 1)
                }
            }
            let start = position
            let isQuoted = index >= 5 && position < bytes.count && bytes[position] == 0x22
            if isQuoted {
                position += 1
                while position < bytes.count, bytes[position] != 0x22 {
                    let b = bytes[position]
                    if b == 0x5C || b < 0x20 || b == 0x7F {
                        let token = bytes.slice(start..<min(bytes.count, position + 1))
                        throw WireError(
                            .invalidPayloadToken, .validation,
                            "payload[\(index - 5)]: quoted text may not contain \(b == 0x5C ? "a backslash" : "control characters")",
                            token: token, offset: position)
                    }
                    position += 1
                }
                guard position < bytes.count else {
                    throw WireError(
                        .unterminatedQuote, .parse, "payload[\(index - 5)]: quoted text is not closed",
                        token: bytes.slice(start..<bytes.count),
                        offset: start)
                }
                position += 1
                if position < bytes.count, bytes[position] != 0x20 {
                    throw WireError(
                        .invalidPayloadToken, .validation, "payload[\(index - 5)]: a closing quote must end the item",
                        token: bytes.slice(start..<position + 1), offset: position)
                }
            } else {
                while position < bytes.count, bytes[position] != 0x20 {
                    if !WireToken.isStrictV1(bytes[position]) {
                        try rejectToken(index: index, start: start, badAt: position)
                    }
                    position += 1
                }
                if position == start { throw whitespaceError(at: start) }
            }
            let range = start..<position
            switch index {
            case 0:
                guard bytes.slice(range) == "SLIP" else {
                    let token = bytes.slice(range)
                    throw WireError(
                        .badPrefix, .parse, "Bad prefix: \(token.debugDescription) (expected \"SLIP\")", token: token, offset: start)
                }
            case 1:
                guard bytes.slice(range) == "v1" else {
                    let token = bytes.slice(range)
                    throw WireError(
                        .badVersion, .parse, "Bad version: \(token.debugDescription) (expected \"v1\")", token: token, offset: start)
                }
            case 2, 3:
                guard range.count <= configuration.maxAgentIDLength else {
                    let token = bytes.slice(range)
                    throw WireError(
                        .invalidAgentID, .validation,
                        "\(index == 2 ? "src" : "dst") is \(range.count) characters, longer than \(configuration.maxAgentIDLength)",
                        token: token, offset: start)
                }
                if index == 2 { srcEnd = position } else { dstEnd = position }
            case 4:
                let name = bytes.slice(range)
                guard let found = configuration.v1Codebook.anchor(mnemonic: name) else {
                    throw WireError(
                        .unknownAnchor, .validation, Self.unknownAnchorMessage(name, in: configuration.v1Codebook), token: name,
                        offset: start)
                }
                anchor = found
                anchorEnd = position
            default:
                let length = isQuoted ? range.count - 2 : range.count
                guard length <= configuration.maxPayloadItemBytes else {
                    throw WireError(
                        .payloadTokenTooLong, .validation,
                        "payload[\(index - 5)] is \(length) bytes, longer than \(configuration.maxPayloadItemBytes)",
                        token: bytes.slice(range), offset: start)
                }
                guard payloadCount < configuration.maxPayloadItems else {
                    throw WireError(
                        .tooManyPayloadTokens, .validation, "more than \(configuration.maxPayloadItems) payload items",
                        token: bytes.slice(range), offset: start)
                }
                payloadCount += 1
            }
            index += 1
        }
        guard let anchor, index >= 5 else {
            throw WireError(
                index == 0 ? .empty : .tooFewTokens, .parse,
                "Too short: need >= 5 tokens (SLIP v1 <src> <dst> <Anchor>), got \(index)", offset: bytes.count)
        }
        return SlipMessage.Layout(
            version: .v1, force: anchor.force, v1Object: anchor.object, srcEnd: srcEnd, dstEnd: dstEnd,
            anchorEnd: anchorEnd, objectEnd: anchorEnd, refEnd: nil)
    }

    private func whitespaceError(at offset: Int) -> WireError {
        WireError(
            .invalidWhitespace, .parse, "items must be separated by exactly one space, with none at the ends",
            offset: offset)
    }

    private func rejectToken(index: Int, start: Int, badAt position: Int) throws(WireError) {
        var end = position
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        let token = bytes.slice(start..<end)
        let b = bytes[position]
        if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { throw whitespaceError(at: position) }
        let what: String
        let code: WireError.Code
        switch index {
        case 0:
            throw WireError(.badPrefix, .parse, "Bad prefix: \(token.debugDescription) (expected \"SLIP\")", token: token, offset: start)
        case 1:
            throw WireError(.badVersion, .parse, "Bad version: \(token.debugDescription) (expected \"v1\")", token: token, offset: start)
        case 2: (what, code) = ("src", .invalidAgentID)
        case 3: (what, code) = ("dst", .invalidAgentID)
        case 4: (what, code) = ("anchor", .unknownAnchor)
        default: (what, code) = ("payload[\(index - 5)]", .invalidPayloadToken)
        }
        throw WireError(
            code, .validation,
            "\(what) \(token.debugDescription) has a character outside [A-Za-z0-9._-] at offset \(position)",
            token: token, offset: start)
    }

    static func unknownAnchorMessage(_ name: String, in codebook: UCR) -> String {
        if let close = codebook.anchor(mnemonicIgnoringCase: name) {
            return "unknown anchor \(name.debugDescription) (did you mean \(close.mnemonic)?)"
        }
        return "unknown anchor \(name.debugDescription): not in the v1 codebook"
    }
}
