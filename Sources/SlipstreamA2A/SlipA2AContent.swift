import SlipstreamCore

/// What SLIP-A2A reads from an object with `parts`, `extensions` and `metadata` (a Message, or an Artifact):
/// the wire of the first part's text and the extension's metadata entry, checked as the spec asks.
struct SlipA2AContent {
    var wire: SlipMessage
    /// The extension's metadata entry (an empty one when the object declares the extension without it); nil
    /// when the object does not declare the extension.
    var metadata: SlipA2AMetadata?
    var otherParts: [JSONValue]
    var otherExtensions: [String]
    var otherMetadata: [(String, JSONValue)]

    /// Reads the object at `path` (a prefix of every field an error names, `""` or ending in `.`); see
    /// ``SlipA2AMessage/read(_:ucr:parser:)-(String,_,_)``.
    static func read(_ json: JSONValue, path prefix: String, ucr: UCR?, parser: WireParser) throws(SlipA2AError) -> SlipA2AContent {
        guard let parts = json["parts"]?.arrayValue, let first = parts.first else {
            throw SlipA2AError(.malformedMessage, "parts is missing or not a non-empty array", field: prefix + "parts")
        }
        guard let text = first["text"]?.stringValue else {
            throw SlipA2AError(.noTextPart, "the first part has no text", field: prefix + "parts[0]")
        }
        var extensions: [String] = []
        for (i, item) in (json["extensions"]?.arrayValue ?? []).enumerated() {
            guard let uri = item.stringValue else {
                throw SlipA2AError(
                    .malformedMessage, "an extension is a \(item.kindName), not a string", field: "\(prefix)extensions[\(i)]")
            }
            extensions.append(uri)
        }
        let metadataEntries = try json.optionalObject("metadata", path: prefix) ?? []
        let declared = extensions.contains(SlipA2A.extensionURI)
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        guard declared || trimmed.hasPrefix("SLIP ") else {
            throw SlipA2AError(
                .notSlipA2A, "the message does not declare \(SlipA2A.extensionURI) and its first text does not start with SLIP",
                field: prefix + "parts[0].text")
        }
        let metadata = try metadataEntries.first { $0.0 == SlipA2A.extensionURI }.map { entry throws(SlipA2AError) in
            try SlipA2AMetadata(json: entry.1, path: "\(prefix)metadata.\(SlipA2A.extensionURI)")
        }
        if let metadata, metadata.slipVersion != SlipA2A.slipVersion {
            throw SlipA2AError(
                .unsupportedSlipVersion, "slipVersion is \(metadata.slipVersion.debugDescription), not \"v3\"",
                field: "\(prefix)metadata.\(SlipA2A.extensionURI).slipVersion")
        }
        let wire: SlipMessage
        do {
            wire = try parser.parse(trimmed)
        } catch {
            throw SlipA2AError(.invalidWire, "the wire is invalid: \(error)", field: prefix + "parts[0].text", wireError: error)
        }
        guard wire.version == .v3 else {
            throw SlipA2AError(
                .unsupportedSlipVersion, "the wire is SLIP \(wire.version.rawValue), not v3", field: prefix + "parts[0].text")
        }
        guard trimmed == wire.wire else {
            throw SlipA2AError(
                .nonCanonicalWire,
                "the wire's tokens must be separated by single spaces (token rule 3); canonical form: \(wire.wire)",
                field: prefix + "parts[0].text")
        }
        if let ucr, let theirs = metadata?.ucrHash {
            let ours = SlipA2A.ucrHash(of: ucr)
            guard theirs == ours else {
                throw SlipA2AError(
                    .ucrHashMismatch, "ucrHash is \(theirs), this codebook's is \(ours)",
                    field: "\(prefix)metadata.\(SlipA2A.extensionURI).ucrHash")
            }
        }
        return SlipA2AContent(
            wire: wire, metadata: declared ? (metadata ?? SlipA2AMetadata()) : nil, otherParts: Array(parts.dropFirst()),
            otherExtensions: extensions.filter { $0 != SlipA2A.extensionURI },
            otherMetadata: metadataEntries.filter { $0.0 != SlipA2A.extensionURI })
    }
}
