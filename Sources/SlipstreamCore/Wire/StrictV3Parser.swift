/// slipcore 3.1.1's `parse_slip`, check for check and in the same order, over UTF-8 bytes.
///
/// It makes no strings: it validates the tokens in place and returns where the fields lie, plus the
/// canonical line when the input was not already canonical (runs of whitespace, Unicode spaces).
struct StrictV3Parser {
    let bytes: UnsafeBufferPointer<UInt8>

    func parse() throws(WireError) -> (layout: SlipMessage.Layout, canonical: String?) {
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
            throw WireError(.invalidObject, .validation, "Object invalid: \(token.debugDescription)", token: token, offset: head.5.lowerBound)
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
    @inline(__always)
    static func force(_ bytes: UnsafeBufferPointer<UInt8>) -> Force? {
        guard let first = bytes.first else { return nil }
        let candidate: Force
        switch Int(first) << 8 | bytes.count {
        case 0x4F07: candidate = .observe
        case 0x4906: candidate = .inform
        case 0x4103: candidate = .ask
        case 0x5207: candidate = .request
        case 0x5007: candidate = .propose
        case 0x4306: candidate = .commit
        case 0x4504: candidate = .eval
        case 0x4D04: candidate = .meta
        case 0x4106: candidate = .accept
        case 0x5206: candidate = .reject
        case 0x4505: candidate = .error
        case 0x4608: candidate = .fallback
        default: return nil
        }
        return candidate.rawValue.utf8.elementsEqual(bytes) ? candidate : nil
    }

    private func agentID(_ range: Range<Int>, field: String) throws(WireError) {
        guard isAlnum(range), range.count <= WireParser.V3Limits.maxAgentIDLength else {
            let token = bytes.slice(range)
            throw WireError(.invalidAgentID, .validation, "\(field) invalid: \(token.debugDescription)", token: token, offset: range.lowerBound)
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
