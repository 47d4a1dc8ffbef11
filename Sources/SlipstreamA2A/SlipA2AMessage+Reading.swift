import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reading an A2A message back, checking it as the spec asks.
extension SlipA2AMessage {
    /// Reads one A2A message JSON document (a bare `Message`, or a SendMessage body `{"message": …}`).
    ///
    /// Like a2a_slipstream.py's `extract_slip_wire_from_a2a_message`, the wire is the first part's text
    /// with surrounding whitespace trimmed, taken when the message declares the extension or the text
    /// starts with `SLIP `. Then, beyond the helper: the wire must be a valid v3 wire under `parser`
    /// (strict by default: the spec's token rules — the 12 Forces, alphanumeric Object and payload
    /// tokens) with single spaces between its tokens (else ``SlipA2AError/Code/nonCanonicalWire``), the
    /// metadata's `slipVersion` must be `v3`, and, when `ucr` is given and the metadata has a `ucrHash`, it
    /// must be ``SlipA2A/ucrHash(of:)`` of `ucr` (else
    /// ``SlipA2AError/Code/ucrHashMismatch``; the spec's alternative is to treat the text as plain A2A text).
    public static func read(
        _ text: String, ucr: UCR? = nil, parser: WireParser = WireParser()
    ) throws(SlipA2AError)
        -> SlipA2AMessage
    {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw SlipA2AError(.notJSON, "not a JSON document")
        }
        return try read(document, ucr: ucr, parser: parser)
    }

    /// Reads a decoded message; see ``read(_:ucr:parser:)-(String,_,_)``.
    public static func read(
        _ document: JSONValue, ucr: UCR? = nil, parser: WireParser = WireParser()
    ) throws(SlipA2AError)
        -> SlipA2AMessage
    {
        var json = document
        var prefix = ""
        if json["messageId"] == nil, let inner = json["message"] {
            json = inner
            prefix = "message."
        }
        guard case .object(let members) = json else {
            throw SlipA2AError(.malformedMessage, "the message is a \(json.kindName), not an object")
        }
        func string(_ key: String, required: Bool) throws(SlipA2AError) -> String? {
            guard let value = json[key], value != .null else {
                if required { throw SlipA2AError(.malformedMessage, "\(key) is missing", field: prefix + key) }
                return nil
            }
            guard let text = value.stringValue else {
                throw SlipA2AError(.malformedMessage, "\(key) is a \(value.kindName), not a string", field: prefix + key)
            }
            return text
        }
        let messageId = try string("messageId", required: true)!
        let role = try string("role", required: true)!
        let contextId = try string("contextId", required: false)
        let taskId = try string("taskId", required: false)
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
        var metadataEntries: [(String, JSONValue)] = []
        switch json["metadata"] {
        case nil, .null?: break
        case .object(let entries)?: metadataEntries = entries
        case let value?:
            throw SlipA2AError(.malformedMessage, "metadata is a \(value.kindName), not an object", field: prefix + "metadata")
        }
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
        let named: Set<String> = ["messageId", "role", "parts", "contextId", "taskId", "extensions", "metadata"]
        return SlipA2AMessage(
            wire: wire, metadata: declared ? (metadata ?? SlipA2AMetadata()) : nil, messageId: messageId, role: role,
            contextId: contextId, taskId: taskId, otherParts: Array(parts.dropFirst()),
            otherExtensions: extensions.filter { $0 != SlipA2A.extensionURI },
            otherMetadata: metadataEntries.filter { $0.0 != SlipA2A.extensionURI },
            otherMembers: members.filter { !named.contains($0.0) })
    }
}
