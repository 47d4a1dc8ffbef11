/// slipcore 3.1.1's `parse_slip`, check for check and in the same order, over UTF-8 bytes.
///
/// It makes no strings: it validates the tokens in place and returns where the fields lie, plus the
/// canonical line when the input was not already canonical (runs of whitespace, Unicode spaces).
struct StrictV3Parser {
    let bytes: UnsafeBufferPointer<UInt8>

    func parse() throws(WireError) -> (layout: SlipMessage.Layout, canonical: String?) {
        if let layout = fastCanonical() { return (layout, nil) }
        return try parseExactly()
    }

    /// One pass over a canonical, valid ASCII line (the common case); nil for anything else, which
    /// ``parseExactly()`` then decides with slipcore's exact checks and errors.
    @inline(__always)
    func fastCanonical() -> SlipMessage.Layout? {
        typealias L = WireParser.V3Limits
        let n = bytes.count
        guard n > 8, bytes[0] == 0x53, bytes[1] == 0x4C, bytes[2] == 0x49, bytes[3] == 0x50, bytes[4] == 0x20,
            bytes[5] == 0x76, bytes[6] == 0x33, bytes[7] == 0x20
        else { return nil }
        var i = 8
        var index = 0
        var srcEnd = 0, dstEnd = 0, forceStart = 0, forceEnd = 0, objectEnd = 0, firstPayloadEnd = 0
        var payloadCount = 0
        while true {
            let start = i
            i = endOfAlnumRun(from: i)
            let length = i - start
            guard length > 0, i == n || bytes[i] == 0x20 else { return nil }
            switch index {
            case 0:
                guard length <= L.maxAgentIDLength else { return nil }
                srcEnd = i
            case 1:
                guard length <= L.maxAgentIDLength else { return nil }
                dstEnd = i
            case 2:
                forceStart = start
                forceEnd = i
            case 3:
                guard length <= L.maxTokenLength else { return nil }
                objectEnd = i
            default:
                guard length <= L.maxTokenLength else { return nil }
                payloadCount += 1
                if payloadCount == 1 { firstPayloadEnd = i }
            }
            index += 1
            if i == n { break }
            i += 1
        }
        guard index >= 4, payloadCount <= L.maxPayloadTokens,
            let force = Self.force(UnsafeBufferPointer(rebasing: bytes[forceStart..<forceEnd]))
        else { return nil }
        var refEnd: Int?
        if force == .fallback {
            guard payloadCount > 0, firstPayloadEnd - (objectEnd + 1) <= L.maxFallbackRefLength else { return nil }
            refEnd = firstPayloadEnd
        }
        return SlipMessage.Layout(
            version: .v3, force: force, v1Object: nil, srcEnd: srcEnd, dstEnd: dstEnd, anchorEnd: forceEnd,
            objectEnd: objectEnd, refEnd: refEnd)
    }

    /// The index of the first byte at or after `i` that is not ASCII alphanumeric (or the end), eight
    /// bytes at a time.
    @inline(__always)
    func endOfAlnumRun(from start: Int) -> Int {
        let n = bytes.count
        var i = start
        let base = UnsafeRawPointer(bytes.baseAddress!)
        @inline(__always) func splat(_ b: UInt64) -> UInt64 { b &* 0x0101_0101_0101_0101 }
        let high = splat(0x80)
        while i + 8 <= n {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // Per byte (all below 0x80): high bit of (x + 0x80 - lo) is x >= lo; of ~(x + 0x7F - hi) is x <= hi.
            let digit = (w &+ splat(0x80 - 0x30)) & ~(w &+ splat(0x7F - 0x39))
            let lower = w | splat(0x20)
            let letter = (lower &+ splat(0x80 - 0x61)) & ~(lower &+ splat(0x7F - 0x7A))
            let bad = (~(digit | letter) | w) & high
            if bad != 0 { return i + bad.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < n, WireToken.isAlnum(bytes[i]) { i += 1 }
        return i
    }

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
