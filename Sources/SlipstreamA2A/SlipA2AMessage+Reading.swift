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
        if document["messageId"] == nil, let inner = document["message"] {
            return try read(document: inner, path: "message.", ucr: ucr, parser: parser)
        }
        return try read(document: document, path: "", ucr: ucr, parser: parser)
    }

    /// Reads a message at `path` (a prefix of every field an error names, `""` or ending in `.`), without
    /// looking for a SendMessage body.
    static func read(
        document json: JSONValue, path prefix: String, ucr: UCR?, parser: WireParser
    ) throws(SlipA2AError) -> SlipA2AMessage {
        guard case .object(let members) = json else {
            throw SlipA2AError(
                .malformedMessage, "the message is a \(json.kindName), not an object",
                field: prefix.isEmpty ? nil : String(prefix.dropLast()))
        }
        let messageId = try json.requiredString("messageId", path: prefix)
        let role = try json.requiredString("role", path: prefix)
        let contextId = try json.optionalString("contextId", path: prefix)
        let taskId = try json.optionalString("taskId", path: prefix)
        let content = try SlipA2AContent.read(json, path: prefix, ucr: ucr, parser: parser)
        let named: Set<String> = ["messageId", "role", "parts", "contextId", "taskId", "extensions", "metadata"]
        return SlipA2AMessage(
            wire: content.wire, metadata: content.metadata, messageId: messageId, role: role,
            contextId: contextId, taskId: taskId, otherParts: content.otherParts, otherExtensions: content.otherExtensions,
            otherMetadata: content.otherMetadata, otherMembers: members.filter { !named.contains($0.0) })
    }
}
