/// slipcore 3.1.1's `parse_slip`, check for check and in the same order, over UTF-8 bytes.
struct StrictV3Parser {
    let bytes: UnsafeBufferPointer<UInt8>

    func parse() throws(WireError) -> SlipMessage {
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
        guard bytes.slice(head.0) == "SLIP" else {
            let token = bytes.slice(head.0)
            throw WireError(.badPrefix, .parse, "Bad prefix: \(token.debugDescription)", token: token, offset: head.0.lowerBound)
        }
        guard bytes.slice(head.1) == "v3" else {
            let token = bytes.slice(head.1)
            throw WireError(.badVersion, .parse, "Bad version: \(token.debugDescription)", token: token, offset: head.1.lowerBound)
        }
        let src = try agentID(head.2, field: "src")
        let dst = try agentID(head.3, field: "dst")
        guard let force = Self.force(UnsafeBufferPointer(rebasing: bytes[head.4])) else {
            let forceText = bytes.slice(head.4)
            throw WireError(
                .unknownForce, .validation, "Unknown force: \(forceText.debugDescription)", token: forceText,
                offset: head.4.lowerBound)
        }
        guard isAlnum(head.5), head.5.count <= L.maxTokenLength else {
            let token = bytes.slice(head.5)
            throw WireError(.invalidObject, .validation, "Object invalid: \(token.debugDescription)", token: token, offset: head.5.lowerBound)
        }
        let object = bytes.slice(head.5)

        var payload: [String] = []
        payload.reserveCapacity(L.maxPayloadTokens)
        var firstPayloadOffset = bytes.count
        while let range = cursor.next() {
            if payload.isEmpty { firstPayloadOffset = range.lowerBound }
            guard isAlnum(range) else {
                let token = bytes.slice(range)
                throw WireError(
                    .invalidPayloadToken, .validation, "Payload[\(payload.count)] not alphanumeric: \(token.debugDescription)",
                    token: token, offset: range.lowerBound)
            }
            guard range.count <= L.maxTokenLength else {
                let token = bytes.slice(range)
                throw WireError(
                    .payloadTokenTooLong, .validation, "Payload[\(payload.count)] too long: \(range.count)", token: token,
                    offset: range.lowerBound)
            }
            payload.append(bytes.slice(range))
        }
        guard payload.count <= L.maxPayloadTokens else {
            throw WireError(
                .tooManyPayloadTokens, .validation, "Too many payload tokens: \(payload.count) > \(L.maxPayloadTokens)",
                offset: firstPayloadOffset)
        }
        var fallbackRef: String?
        if force == .fallback {
            guard !payload.isEmpty else {
                throw WireError(.missingFallbackRef, .validation, "Fallback messages require a ref token", offset: bytes.count)
            }
            let ref = payload.removeFirst()
            guard ref.utf8.count <= L.maxFallbackRefLength else {
                throw WireError(
                    .invalidFallbackRef, .validation, "Invalid fallback ref: \(ref.debugDescription) (longer than 16)",
                    token: ref, offset: firstPayloadOffset)
            }
            fallbackRef = ref
        }
        return SlipMessage(
            version: .v3, src: src, dst: dst, anchor: force.rawValue + object, force: force, object: object, payload: payload,
            fallbackRef: fallbackRef)
    }

    /// The Force spelled by `bytes`, without making a string.
    @inline(__always)
    static func force(_ bytes: UnsafeBufferPointer<UInt8>) -> Force? {
        for force in Force.allCases {
            let name = force.rawValue.utf8
            if name.count == bytes.count && name.elementsEqual(bytes) { return force }
        }
        return nil
    }

    private func agentID(_ range: Range<Int>, field: String) throws(WireError) -> String {
        guard isAlnum(range), range.count <= WireParser.V3Limits.maxAgentIDLength else {
            let token = bytes.slice(range)
            throw WireError(.invalidAgentID, .validation, "\(field) invalid: \(token.debugDescription)", token: token, offset: range.lowerBound)
        }
        return bytes.slice(range)
    }

    @inline(__always)
    private func isAlnum(_ range: Range<Int>) -> Bool {
        for i in range where !WireToken.isAlnum(bytes[i]) { return false }
        return true
    }
}
