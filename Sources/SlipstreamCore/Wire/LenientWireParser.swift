/// The lenient profile: turns what models emit into a strict wire, recording every repair.
struct LenientWireParser {
    let configuration: WireParser.Configuration

    /// A whitespace-separated word (or a double-quoted span) and where it starts.
    struct Word {
        var text: String
        var offset: Int
        var quoted: Bool
    }

    func parse(_ line: String, version requested: WireVersion?) throws(WireError) -> WireParser.Outcome {
        var repairs: [WireRepair] = []
        var words = Self.words(of: line, repairs: &repairs)
        stripDecorations(&words, repairs: &repairs)

        guard let prefix = words.first else {
            throw WireError(.empty, .parse, "Too short: the line is empty", offset: 0)
        }
        guard prefix.text.lowercased() == "slip" else {
            throw WireError(
                .badPrefix, .parse, "Bad prefix: \(prefix.text.debugDescription) (expected \"SLIP\")", token: prefix.text,
                offset: prefix.offset)
        }
        if prefix.text != "SLIP" {
            repairs.append(WireRepair(.fixedPrefix, offset: prefix.offset, original: prefix.text, replacement: "SLIP"))
        }
        guard words.count >= 2 else {
            throw WireError(.tooFewTokens, .parse, "Too short: need a version after SLIP", offset: line.utf8.count)
        }
        let versionWord = words[1]
        let version: WireVersion
        switch versionWord.text.lowercased() {
        case "v1", "1", "v1.0": version = .v1
        case "v3", "3", "v3.0": version = .v3
        default:
            throw WireError(
                .badVersion, .parse, "Bad version: \(versionWord.text.debugDescription) (expected \"v1\" or \"v3\")",
                token: versionWord.text, offset: versionWord.offset)
        }
        if let requested, requested != version {
            throw WireError(
                .badVersion, .parse, "Bad version: \(versionWord.text.debugDescription) (expected \"\(requested.rawValue)\")",
                token: versionWord.text, offset: versionWord.offset)
        }
        if versionWord.text != version.rawValue {
            repairs.append(WireRepair(.fixedVersion, offset: versionWord.offset, original: versionWord.text, replacement: version.rawValue))
        }
        let rest = Array(words.dropFirst(2))
        let message =
            switch version {
            case .v1: try parseV1(rest, line: line, repairs: &repairs)
            case .v3: try parseV3(rest, line: line, repairs: &repairs)
            }
        return WireParser.Outcome(message: message, repairs: repairs)
    }

    // MARK: v1

    private func parseV1(_ words: [Word], line: String, repairs: inout [WireRepair]) throws(WireError) -> SlipMessage {
        guard words.count >= 3 else {
            throw WireError(
                .tooFewTokens, .parse, "Too short: need >= 5 tokens (SLIP v1 <src> <dst> <Anchor>), got \(words.count + 2)",
                offset: line.utf8.count)
        }
        let src = try agentID(words[0], field: "src", maxLength: configuration.maxAgentIDLength, v3: false, repairs: &repairs)
        let dst = try agentID(words[1], field: "dst", maxLength: configuration.maxAgentIDLength, v3: false, repairs: &repairs)
        var payloadWords = Array(words.dropFirst(3))
        let anchor = try v1Anchor(words[2], next: payloadWords.first, repairs: &repairs, consumedNext: { payloadWords.removeFirst() })

        var payload: [String] = []
        for word in payloadWords {
            if word.quoted {
                let cleaned = String(
                    String.UnicodeScalarView(
                        word.text.unicodeScalars.filter(WireToken.isQuotable))
                )
                .trimmingWhitespace()
                if cleaned != word.text {
                    repairs.append(
                        WireRepair(
                            cleaned.isEmpty ? .droppedToken : .fixedQuote, offset: word.offset, original: word.text, replacement: cleaned))
                }
                if !cleaned.isEmpty {
                    payload.append(truncate(cleaned, to: configuration.maxPayloadItemBytes, at: word.offset, repairs: &repairs))
                }
                continue
            }
            let tokens = WireToken.normalize(word.text)
            record(word, becomes: tokens, repairs: &repairs)
            for token in tokens {
                payload.append(truncate(token, to: configuration.maxPayloadItemBytes, at: word.offset, repairs: &repairs))
            }
        }
        if payload.count > configuration.maxPayloadItems {
            let dropped = payload[configuration.maxPayloadItems...].joined(separator: " ")
            repairs.append(WireRepair(.droppedExcessTokens, offset: line.utf8.count, original: dropped, replacement: ""))
            payload.removeLast(payload.count - configuration.maxPayloadItems)
        }
        return SlipMessage.v1(src: src, dst: dst, anchor: anchor, payload: payload)
    }

    private func v1Anchor(
        _ word: Word, next: Word?, repairs: inout [WireRepair], consumedNext: () -> Void
    ) throws(WireError) -> UCRAnchor {
        let codebook = configuration.v1Codebook
        if let anchor = codebook.anchor(mnemonic: word.text) { return anchor }
        let letters = String(
            String.UnicodeScalarView(
                word.text.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
        if let anchor = codebook.anchor(mnemonicIgnoringCase: letters) {
            repairs.append(WireRepair(.fixedAnchor, offset: word.offset, original: word.text, replacement: anchor.mnemonic))
            return anchor
        }
        // A v3 pair written on a v1 line: `Request Review`.
        if let force = Force(caseInsensitive: letters), let next,
            let anchor = codebook.anchor(force: force, object: next.text)
                ?? codebook.anchor(mnemonic: MnemonicTable.v1Mnemonic(force: force, object: next.text))
        {
            repairs.append(
                WireRepair(.fixedAnchor, offset: word.offset, original: "\(word.text) \(next.text)", replacement: anchor.mnemonic))
            consumedNext()
            return anchor
        }
        throw WireError(
            .unknownAnchor, .validation, StrictV1Parser.unknownAnchorMessage(word.text, in: codebook), token: word.text, offset: word.offset
        )
    }

    // MARK: v3

    private func parseV3(_ words: [Word], line: String, repairs: inout [WireRepair]) throws(WireError) -> SlipMessage {
        typealias L = WireParser.V3Limits
        guard words.count >= 4 else {
            throw WireError(.tooFewTokens, .parse, "Too short: need >= 6 tokens, got \(words.count + 2)", offset: line.utf8.count)
        }
        let src = try agentID(words[0], field: "src", maxLength: L.maxAgentIDLength, v3: true, repairs: &repairs)
        let dst = try agentID(words[1], field: "dst", maxLength: L.maxAgentIDLength, v3: true, repairs: &repairs)
        let forceWord = words[2]
        guard let force = Force(caseInsensitive: forceWord.text) else {
            throw WireError(
                .unknownForce, .validation, "Unknown force: \(forceWord.text.debugDescription)", token: forceWord.text,
                offset: forceWord.offset)
        }
        if force.rawValue != forceWord.text {
            repairs.append(WireRepair(.normalizedToken, offset: forceWord.offset, original: forceWord.text, replacement: force.rawValue))
        }
        let objectWord = words[3]
        guard let objectToken = v3Tokens(objectWord, repairs: &repairs).first else {
            throw WireError(
                .invalidObject, .validation, "Object invalid: \(objectWord.text.debugDescription)", token: objectWord.text,
                offset: objectWord.offset)
        }
        let object = truncate(objectToken, to: L.maxTokenLength, at: objectWord.offset, repairs: &repairs)
        var payload: [String] = []
        for word in words.dropFirst(4) {
            for token in v3Tokens(word, repairs: &repairs) {
                payload.append(truncate(token, to: L.maxTokenLength, at: word.offset, repairs: &repairs))
            }
        }
        if payload.count > L.maxPayloadTokens {
            repairs.append(
                WireRepair(
                    .droppedExcessTokens, offset: line.utf8.count, original: payload[L.maxPayloadTokens...].joined(separator: " "),
                    replacement: ""))
            payload.removeLast(payload.count - L.maxPayloadTokens)
        }
        var fallbackRef: String?
        if force == .fallback {
            if payload.isEmpty {
                repairs.append(
                    WireRepair(.addedFallbackRef, offset: line.utf8.count, original: "", replacement: configuration.legacyFallbackRef))
                fallbackRef = configuration.legacyFallbackRef
            } else {
                let ref = payload.removeFirst()
                fallbackRef = truncate(ref, to: L.maxFallbackRefLength, at: line.utf8.count, repairs: &repairs)
            }
        }
        return SlipMessage.v3(src: src, dst: dst, force: force, object: object, payload: payload, fallbackRef: fallbackRef)
    }

    private func v3Tokens(_ word: Word, repairs: inout [WireRepair]) -> [String] {
        let tokens = WireToken.normalize(word.text).compactMap { WireToken.v3Token(fromV1: $0) }
        record(word, becomes: tokens, repairs: &repairs)
        return tokens
    }

    // MARK: Shared

    private func agentID(_ word: Word, field: String, maxLength: Int, v3: Bool, repairs: inout [WireRepair]) throws(WireError) -> String {
        var id = WireToken.normalize(word.text).joined(separator: "_")
        if v3 { id = WireToken.v3Token(fromV1: id) ?? "" }
        guard !id.isEmpty else {
            throw WireError(
                .invalidAgentID, .validation, "\(field) invalid: \(word.text.debugDescription) has no usable characters", token: word.text,
                offset: word.offset)
        }
        if id.utf8.count > maxLength { id = String(decoding: id.utf8.prefix(maxLength), as: UTF8.self) }
        if id != word.text || word.quoted {
            repairs.append(WireRepair(.normalizedAgentID, offset: word.offset, original: word.text, replacement: id))
        }
        return id
    }

    private func record(_ word: Word, becomes tokens: [String], repairs: inout [WireRepair]) {
        if tokens.isEmpty {
            repairs.append(WireRepair(.droppedToken, offset: word.offset, original: word.text, replacement: ""))
        } else if tokens.count > 1 {
            repairs.append(WireRepair(.splitToken, offset: word.offset, original: word.text, replacement: tokens.joined(separator: " ")))
        } else if tokens[0] != word.text || word.quoted {
            repairs.append(WireRepair(.normalizedToken, offset: word.offset, original: word.text, replacement: tokens[0]))
        }
    }

    private func truncate(_ token: String, to maxBytes: Int, at offset: Int, repairs: inout [WireRepair]) -> String {
        guard token.utf8.count > maxBytes else { return token }
        var cut = String(decoding: token.utf8.prefix(maxBytes), as: UTF8.self)
        while cut.utf8.count > maxBytes { cut.removeLast() }  // a split scalar decodes as U+FFFD
        repairs.append(WireRepair(.truncatedToken, offset: offset, original: token, replacement: cut))
        return cut
    }

    /// Removes a `SLIP:` label, markdown back-ticks, bullets and a trailing period around the wire.
    private func stripDecorations(_ words: inout [Word], repairs: inout [WireRepair]) {
        func strip(_ index: Int, _ characters: Set<Character>, leading: Bool) {
            guard words.indices.contains(index) else { return }
            let word = words[index]
            var text = Substring(word.text)
            while let c = leading ? text.first : text.last, characters.contains(c) {
                if leading { text = text.dropFirst() } else { text = text.dropLast() }
            }
            guard text != word.text else { return }
            repairs.append(WireRepair(.strippedDecoration, offset: word.offset, original: word.text, replacement: String(text)))
            if text.isEmpty { words.remove(at: index) } else { words[index].text = String(text) }
        }
        // Bullets and fences standing alone before the wire.
        while let first = words.first, !first.quoted,
            ["-", "*", ">", "```", "`"].contains(first.text)
                || first.text.hasPrefix("```") && first.text.count > 3 && !first.text.lowercased().contains("slip")
        {
            repairs.append(WireRepair(.strippedDecoration, offset: first.offset, original: first.text, replacement: ""))
            words.removeFirst()
        }
        // "SLIP: SLIP v1 …" or "SLIP:SLIP v1 …"
        if let first = words.first, ["slip:", "**slip:**"].contains(first.text.lowercased()), words.count > 1,
            words[1].text.lowercased().trimmingPrefix(while: { "`*'\"".contains($0) }).hasPrefix("slip")
        {
            repairs.append(WireRepair(.strippedDecoration, offset: first.offset, original: first.text, replacement: ""))
            words.removeFirst()
        } else if let first = words.first, first.text.lowercased().hasPrefix("slip:slip") {
            let rest = String(first.text.dropFirst(5))
            repairs.append(WireRepair(.strippedDecoration, offset: first.offset, original: first.text, replacement: rest))
            words[0].text = rest
        }
        strip(0, ["`", "*", "'", "\""], leading: true)
        if let last = words.indices.last, !words[last].quoted { strip(last, ["`", "*", "'", "."], leading: false) }
    }

    /// Splits a line into words on any whitespace, keeping `"double-quoted spans"` (after item 4) whole.
    static func words(of line: String, repairs: inout [WireRepair]) -> [Word] {
        var words: [Word] = []
        let scalars = Array(line.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var byteOffset = 0
        for scalar in scalars {
            offsets.append(byteOffset)
            byteOffset += UTF8.width(scalar)
        }
        offsets.append(byteOffset)
        var i = 0
        while i < scalars.count {
            if scalars[i].properties.isWhitespace || scalars[i].value < 0x20 {
                i += 1
                continue
            }
            let start = i
            if scalars[i] == "\"", words.count >= 5, let close = scalars[(i + 1)...].firstIndex(of: "\"") {
                i = close + 1
                words.append(
                    Word(text: String(String.UnicodeScalarView(scalars[(start + 1)..<close])), offset: offsets[start], quoted: true))
            } else {
                while i < scalars.count, !(scalars[i].properties.isWhitespace || scalars[i].value < 0x20) { i += 1 }
                words.append(Word(text: String(String.UnicodeScalarView(scalars[start..<i])), offset: offsets[start], quoted: false))
            }
        }
        let rejoined = words.map { $0.quoted ? "\"\($0.text)\"" : $0.text }.joined(separator: " ")
        if rejoined != line {
            repairs.append(WireRepair(.collapsedWhitespace, offset: 0, original: line, replacement: rejoined))
        }
        return words
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
