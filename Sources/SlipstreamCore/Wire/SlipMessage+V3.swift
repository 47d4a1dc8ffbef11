extension SlipMessage {
    private typealias Limits = WireParser.V3Limits

    /// The longest valid v3 wire: `SLIP v3 `, two agent ids, the longest Force, an Object and the most
    /// payload tokens, each as long as allowed, with their spaces (709 bytes).
    static let maxV3WireLength =
        8 + 2 * (Limits.maxAgentIDLength + 1) + 9 + Limits.maxTokenLength
        + Limits.maxPayloadTokens * (Limits.maxTokenLength + 1)

    /// A v3 message for a Force/Object pair, not checked (``validatedV3(src:dst:force:object:payload:fallbackRef:)``
    /// checks). A Fallback without `fallbackRef` takes its first payload token as the ref, as slipcore's
    /// parser does; a `fallbackRef` given to any other Force is written as the first payload token.
    public static func v3(
        src: String, dst: String, force: Force, object: String, payload: [String] = [], fallbackRef: String? = nil
    ) -> SlipMessage {
        formatV3OnStack(src: src, dst: dst, force: force, object: object, fallbackRef: fallbackRef, items: payload)
            ?? formatV3Exactly(src: src, dst: dst, force: force, object: object, fallbackRef: fallbackRef, items: payload)
    }

    /// slipcore's `format_slip`: a v3 message from its fields, each checked by slipcore's rules in slipcore's
    /// order, with slipcore's error messages (the offsets are where the field would have been in the wire).
    /// A Fallback's ref is `fallbackRef` or else the first payload token, and counts as `Payload[0]`.
    ///
    /// One difference: slipcore lets a field end in a line feed (its pattern's `$` matches before one),
    /// which would break the wire in two lines; this refuses it as not alphanumeric.
    public static func validatedV3(
        src: String, dst: String, force: Force, object: String, payload: [String] = [], fallbackRef: String? = nil
    ) throws(WireError) -> SlipMessage {
        if let message = formatV3OnStack(
            src: src, dst: dst, force: force, object: object, fallbackRef: fallbackRef, items: payload, validating: true)
        {
            return message
        }
        // Refused by the one-pass check (or longer than any valid wire): find the first rule broken.
        var tokens = payload
        if let fallbackRef { tokens.insert(fallbackRef, at: 0) }
        try checkV3(src: src, dst: dst, force: force, object: object, tokens: tokens)
        return v3(src: src, dst: dst, force: force, object: object, payload: payload, fallbackRef: fallbackRef)
    }

    // The fields are passed borrowed, one by one: a struct of them would hold copies of its strings, and
    // retain and release each; the payload's items are read where the array keeps them.

    /// Writes the wire into `buffer`; nil when it does not fit.
    @inline(__always)
    private static func writeV3(
        into buffer: UnsafeMutableBufferPointer<UInt8>, src: borrowing String, dst: borrowing String, force: Force,
        object: borrowing String, fallbackRef: borrowing String?, items: [String]
    ) -> (count: Int, layout: Layout)? {
        var layout = Layout(
            version: .v3, force: force, v1Object: nil, srcEnd: 0, dstEnd: 0, anchorEnd: 0, objectEnd: 0, refEnd: nil)
        var out = WireWriter(buffer)
        out.putHead(StrictV3Parser.header, src: src, dst: dst, layout: &layout)
        out.put(word: force.utf8Word, count: force.utf8Count)
        layout.anchorEnd = out.count
        out.put(0x20)
        out.put(object)
        layout.objectEnd = out.count
        var first = 0
        if fallbackRef != nil {
            out.put(0x20)
            out.put(fallbackRef!)
        } else if force == .fallback, !items.isEmpty {
            out.put(0x20)
            out.put(items[0])
            first = 1
        }
        if force == .fallback, out.count > layout.objectEnd { layout.refEnd = out.count }
        for i in first..<items.count {
            out.put(0x20)
            out.put(items[i])
        }
        return out.fits ? (out.count, layout) : nil
    }

    /// One pass into a buffer on the stack, then one allocation of the wire's size; nil when the wire
    /// is longer than any valid one, or (`validating`) when the wire is not valid with these fields.
    @inline(__always)
    private static func formatV3OnStack(
        src: borrowing String, dst: borrowing String, force: Force, object: borrowing String, fallbackRef: borrowing String?,
        items: [String], validating: Bool = false
    ) -> SlipMessage? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxV3WireLength + WireWriter.slack) { stack in
            guard
                let (n, layout) = writeV3(
                    into: stack, src: src, dst: dst, force: force, object: object, fallbackRef: fallbackRef, items: items)
            else { return nil }
            let line = UnsafeBufferPointer(start: stack.baseAddress, count: n)
            if validating {
                // The parser's one-pass check of the whole line, which must find the fields where they were
                // put; a field with a space in it would make more tokens than there are fields.
                guard let (found, spaces) = StrictV3Parser(bytes: line).fastCanonical(), found == layout,
                    spaces == 3 + items.count + (fallbackRef == nil ? 0 : 1)
                else { return nil }
            }
            let wire = String(unsafeUninitializedCapacity: n) { $0.initialize(fromContentsOf: line) }
            return SlipMessage(wire: wire, layout: layout)
        }
    }

    /// Measures, then writes the wire straight into a string of its size (any length).
    private static func formatV3Exactly(
        src: String, dst: String, force: Force, object: String, fallbackRef: String?, items: [String]
    ) -> SlipMessage {
        var length = 8 + src.utf8.count + 1 + dst.utf8.count + 1 + force.utf8Count + 1 + object.utf8.count
        if let fallbackRef { length += 1 + fallbackRef.utf8.count }
        for item in items { length += 1 + item.utf8.count }
        var layout: Layout?
        let wire = String(unsafeUninitializedCapacity: length + WireWriter.slack) { buffer in
            let written = writeV3(
                into: buffer, src: src, dst: dst, force: force, object: object, fallbackRef: fallbackRef, items: items)
            layout = written?.layout
            return written?.count ?? 0
        }
        return SlipMessage(wire: wire, layout: layout!)
    }

    /// slipcore's `format_slip` checks, in its order; `tokens` is its payload (a Fallback's ref first).
    private static func checkV3(src: String, dst: String, force: Force, object: String, tokens: [String]) throws(WireError) {
        var offset = 8
        func refuse(_ code: WireError.Code, _ message: String, _ token: String) -> WireError {
            WireError(code, .validation, message, token: token, offset: offset)
        }
        for (field, id) in [("src", src), ("dst", dst)] {
            guard WireToken.isAlphanumeric(id), id.utf8.count <= Limits.maxAgentIDLength else {
                throw refuse(.invalidAgentID, "\(field) invalid: \(id.debugDescription)", id)
            }
            offset += id.utf8.count + 1
        }
        offset += force.utf8Count + 1
        guard WireToken.isAlphanumeric(object), object.utf8.count <= Limits.maxTokenLength else {
            throw refuse(.invalidObject, "Object invalid: \(object.debugDescription)", object)
        }
        offset += object.utf8.count + 1
        if force == .fallback {
            guard let ref = tokens.first else {
                throw WireError(.missingFallbackRef, .validation, "Fallback messages require a ref token", offset: offset - 1)
            }
            guard WireToken.isAlphanumeric(ref), ref.utf8.count <= Limits.maxFallbackRefLength else {
                throw refuse(.invalidFallbackRef, "Invalid fallback ref: \(ref.debugDescription)", ref)
            }
        }
        let payloadStart = offset
        for (index, token) in tokens.enumerated() {
            guard WireToken.isAlphanumeric(token) else {
                throw refuse(.invalidPayloadToken, "Payload[\(index)] not alphanumeric: \(token.debugDescription)", token)
            }
            guard token.utf8.count <= Limits.maxTokenLength else {
                throw refuse(.payloadTokenTooLong, "Payload[\(index)] too long: \(token.utf8.count)", token)
            }
            offset += token.utf8.count + 1
        }
        guard tokens.count <= Limits.maxPayloadTokens else {
            throw WireError(
                .tooManyPayloadTokens, .validation, "Payload too long: \(tokens.count) > \(Limits.maxPayloadTokens)",
                offset: payloadStart)
        }
    }
}
