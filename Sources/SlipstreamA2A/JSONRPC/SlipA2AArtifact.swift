import SlipstreamCore

/// A task's artifact carrying a SLIP-A2A wire. The draft places wires only in messages; an A2A 1.0 Artifact
/// has the same `parts`, `extensions` and `metadata`, so its wire is read by the same rules: the first part's
/// text, when the artifact declares the extension or the text starts with `SLIP `.
public struct SlipA2AArtifact: Sendable, Hashable {
    public var artifactId: String
    public var name: String?
    public var description: String?
    public var wire: SlipMessage
    /// The extension's metadata entry; nil when the artifact does not declare the extension.
    public var metadata: SlipA2AMetadata?
    /// The artifact as it came.
    public var json: JSONValue

    /// Reads an artifact at `path` (`result.task.artifacts[0].`); nil for an artifact that carries no wire
    /// (no text first part, or neither the extension nor `SLIP `).
    static func readIfSlip(_ json: JSONValue, path: String, ucr: UCR?, parser: WireParser) throws(SlipA2AError) -> Self? {
        guard case .object = json else {
            throw SlipA2AError(.malformedResult, "the artifact is a \(json.kindName), not an object", field: String(path.dropLast()))
        }
        let artifactId = try json.requiredString("artifactId", path: path, code: .malformedResult)
        let name = try json.optionalString("name", path: path, code: .malformedResult)
        let description = try json.optionalString("description", path: path, code: .malformedResult)
        guard let content = try SlipA2AContent.readIfSlip(json, path: path, ucr: ucr, parser: parser) else { return nil }
        return SlipA2AArtifact(
            artifactId: artifactId, name: name, description: description, wire: content.wire, metadata: content.metadata,
            json: json)
    }
}
