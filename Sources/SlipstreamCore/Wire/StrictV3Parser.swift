/// slipcore 3.1.1's `parse_slip`, check for check and in the same order, over UTF-8 bytes.
///
/// It makes no strings: it validates the tokens in place and returns where the fields lie, plus the
/// canonical line when the input was not already canonical (runs of whitespace, Unicode spaces).
struct StrictV3Parser {
    let bytes: UnsafeBufferPointer<UInt8>

    /// One pass over a canonical, valid ASCII line (the common case): where its fields lie and how many
    /// spaces follow `SLIP v3 `; nil for anything else, which ``parseExactly()`` then decides with
    /// slipcore's exact checks and errors.
    ///
    /// ``CanonicalLineScan`` checks every byte and token length eight bytes at a time; what is left is
    /// the token count, the agent ids' and Fallback ref's lengths and the Force, read as one word.
    @inline(__always)
    func fastCanonical() -> (layout: SlipMessage.Layout, spaces: Int)? {
        typealias L = WireParser.V3Limits
        let n = bytes.count
        // "SLIP v3 a b Ask o" is the shortest valid line; a valid canonical one has at most 24 tokens of
        // at most 30 bytes.
        guard n >= 17, n <= 8 + 24 * 31, let line = bytes.baseAddress.map(UnsafeRawPointer.init),
            UInt64(littleEndian: line.loadUnaligned(as: UInt64.self)) == Self.header,
            let scan = CanonicalLineScan(line: line, count: n)
        else { return nil }
        // Tokens: src, dst, Force, Object and up to 20 payload tokens, none empty or over 30 bytes.
        let spaces = scan.spaceCount
        let ends = scan.firstEnds
        let forceLength = ends.force &- ends.dst &- 1
        guard spaces >= 3, spaces <= 3 + L.maxPayloadTokens, ends.src &- 8 <= L.maxAgentIDLength,
            ends.dst &- ends.src &- 1 <= L.maxAgentIDLength, forceLength <= 8,
            let force = Self.force(
                word: UInt64(littleEndian: line.loadUnaligned(fromByteOffset: ends.force &- 8, as: UInt64.self))
                    &>> (UInt64(8 &- forceLength) &* 8))
        else { return nil }
        var refEnd: Int?
        if force == .fallback {
            guard spaces >= 4, ends.firstPayload &- ends.object &- 1 <= L.maxFallbackRefLength else { return nil }
            refEnd = ends.firstPayload
        }
        let layout = SlipMessage.Layout(
            version: .v3, force: force, v1Object: nil, srcEnd: ends.src, dstEnd: ends.dst, anchorEnd: ends.force,
            objectEnd: ends.object, refEnd: refEnd)
        return (layout, spaces)
    }

    /// `SLIP v3 ` as a little-endian word.
    static let header: UInt64 = 0x2033_7620_5049_4C53
    /// slipcore's checks in slipcore's order, for every line.
    func parseExactly() throws(WireError) -> (layout: SlipMessage.Layout, canonical: String?) {
        typealias L = WireParser.V3Limits
        var cursor = PythonWhitespaceTokenizer(bytes: bytes)
        var head: (Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0, 0..<0, 0..<0)
        var count = 0
        while count < 6, let range = cursor.next() {
            switch count {
            case 0: head.0 = range
            case 1: head.1 = range
            case 2: head.2 = range
            case 3: head.3 = range
            case 4: head.4 = range
            default: head.5 = range
            }
            count += 1
        }
        guard count == 6 else {
            var extra = 0
            while cursor.next() != nil { extra += 1 }
            throw WireError(
                count == 0 ? .empty : .tooFewTokens, .parse, "Too short: need >= 6 tokens, got \(count + extra)",
                offset: bytes.count)
        }
        guard equals(head.0, "SLIP") else {
            let token = bytes.slice(head.0)
            throw WireError(.badPrefix, .parse, "Bad prefix: \(token.debugDescription)", token: token, offset: head.0.lowerBound)
        }
        guard equals(head.1, "v3") else {
            let token = bytes.slice(head.1)
            throw WireError(.badVersion, .parse, "Bad version: \(token.debugDescription)", token: token, offset: head.1.lowerBound)
        }
        try agentID(head.2, field: "src")
        try agentID(head.3, field: "dst")
        guard let force = Self.force(UnsafeBufferPointer(rebasing: bytes[head.4])) else {
            let token = bytes.slice(head.4)
            throw WireError(.unknownForce, .validation, "Unknown force: \(token.debugDescription)", token: token, offset: head.4.lowerBound)
        }
        guard isAlnum(head.5), head.5.count <= L.maxTokenLength else {
            let token = bytes.slice(head.5)
            throw WireError(
                .invalidObject, .validation, "Object invalid: \(token.debugDescription)", token: token, offset: head.5.lowerBound)
        }

        // Canonical iff the line is its tokens joined by single spaces.
        var canonical = head.0.lowerBound == 0
        var previousEnd = head.0.upperBound
        func follows(_ range: Range<Int>) {
            canonical = canonical && range.lowerBound == previousEnd + 1 && bytes[previousEnd] == 0x20
            previousEnd = range.upperBound
        }
        follows(head.1)
        follows(head.2)
        follows(head.3)
        follows(head.4)
        follows(head.5)
        var payloadCount = 0
        var firstPayload: Range<Int>?
        while let range = cursor.next() {
            if firstPayload == nil { firstPayload = range }
            guard isAlnum(range) else {
                let token = bytes.slice(range)
                throw WireError(
                    .invalidPayloadToken, .validation, "Payload[\(payloadCount)] not alphanumeric: \(token.debugDescription)",
                    token: token, offset: range.lowerBound)
            }
            guard range.count <= L.maxTokenLength else {
                throw WireError(
                    .payloadTokenTooLong, .validation, "Payload[\(payloadCount)] too long: \(range.count)",
                    token: bytes.slice(range), offset: range.lowerBound)
            }
            follows(range)
            payloadCount += 1
        }
        canonical = canonical && previousEnd == bytes.count
        guard payloadCount <= L.maxPayloadTokens else {
            throw WireError(
                .tooManyPayloadTokens, .validation, "Too many payload tokens: \(payloadCount) > \(L.maxPayloadTokens)",
                offset: firstPayload?.lowerBound ?? bytes.count)
        }
        var refEnd: Int?
        if force == .fallback {
            guard let ref = firstPayload else {
                throw WireError(.missingFallbackRef, .validation, "Fallback messages require a ref token", offset: bytes.count)
            }
            guard ref.count <= L.maxFallbackRefLength else {
                let token = bytes.slice(ref)
                throw WireError(
                    .invalidFallbackRef, .validation, "Invalid fallback ref: \(token.debugDescription) (longer than 16)",
                    token: token, offset: ref.lowerBound)
            }
            refEnd = ref.upperBound
        }
        if canonical {
            let layout = SlipMessage.Layout(
                version: .v3, force: force, v1Object: nil, srcEnd: head.2.upperBound, dstEnd: head.3.upperBound,
                anchorEnd: head.4.upperBound, objectEnd: head.5.upperBound, refEnd: refEnd)
            return (layout, nil)
        }
        // Rare: rebuild the line with single spaces.
        var again = PythonWhitespaceTokenizer(bytes: bytes)
        var words: [String] = []
        while let range = again.next() { words.append(bytes.slice(range)) }
        let message = SlipMessage.v3(src: words[2], dst: words[3], force: force, object: words[5], payload: Array(words.dropFirst(6)))
        return (message.layout, message.wire)
    }

    /// The Force spelled by `bytes`, without making a string.
    static func force(_ bytes: UnsafeBufferPointer<UInt8>) -> Force? {
        guard bytes.count <= 8, !bytes.contains(0) else { return nil }
        var word: UInt64 = 0
        for (i, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * i) }
        return force(word: word)
    }

    /// The Force spelled by the bytes of `word` from the lowest, up to the first zero byte (the rest
    /// must be zero too). A multiplicative hash gives each Force a slot of its own among 16, so the
    /// check is one lookup and one comparison, with no branch per Force to mispredict.
    @inline(__always)
    static func force(word: UInt64) -> Force? {
        let slot = forceSlots[Int(truncatingIfNeeded: (word &* forceHashFactor) &>> 60)]
        return word == slot.word ? slot.force : nil
    }

    /// Found by search: it sends the twelve Force words to twelve different slots (checked by a test).
    static let forceHashFactor: UInt64 = 0xD9ED_17E3_CC0E_95EF

    /// Each Force's word in its slot; the other slots hold 0, which no Force spells.
    static let forceSlots: [(word: UInt64, force: Force?)] = {
        var slots = [(word: UInt64, force: Force?)](repeating: (0, nil), count: 16)
        for force in Force.allCases {
            slots[Int(truncatingIfNeeded: (force.utf8Word &* forceHashFactor) &>> 60)] = (force.utf8Word, force)
        }
        return slots
    }()

    private func agentID(_ range: Range<Int>, field: String) throws(WireError) {
        guard isAlnum(range), range.count <= WireParser.V3Limits.maxAgentIDLength else {
            let token = bytes.slice(range)
            throw WireError(
                .invalidAgentID, .validation, "\(field) invalid: \(token.debugDescription)", token: token, offset: range.lowerBound)
        }
    }

    @inline(__always)
    private func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        range.count == text.utf8CodeUnitCount
            && UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(
                UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    private func isAlnum(_ range: Range<Int>) -> Bool {
        for i in range where !WireToken.isAlnum(bytes[i]) { return false }
        return true
    }
}

extension Force {
    /// The Force's bytes as a little-endian word, zero-padded (what ``StrictV3Parser/force(word:)`` reads).
    var utf8Word: UInt64 {
        switch self {
        case .observe: 0x0065_7672_6573_624F
        case .inform: 0x6D72_6F66_6E49
        case .ask: 0x6B_7341
        case .request: 0x0074_7365_7571_6552
        case .propose: 0x0065_736F_706F_7250
        case .commit: 0x7469_6D6D_6F43
        case .eval: 0x6C61_7645
        case .meta: 0x6174_654D
        case .accept: 0x7470_6563_6341
        case .reject: 0x7463_656A_6552
        case .error: 0x72_6F72_7245
        case .fallback: 0x6B63_6162_6C6C_6146
        }
    }

    /// The number of bytes in the Force's name (the nonzero bytes of ``utf8Word``).
    var utf8Count: Int { (64 &- utf8Word.leadingZeroBitCount &+ 7) &>> 3 }
}
