extension SlipMessage {
    /// The `decode --json` object: version, src, dst, anchor, force, object, payload, fallbackRef, and the
    /// codebook's canonical text and coords (`null` when the renderer's codebook has no such anchor).
    public func json(renderer: Renderer) -> JSONValue {
        let anchor = renderer.anchor(of: self)
        return .object([
            ("version", .string(version.rawValue)), ("src", .string(src)), ("dst", .string(dst)),
            ("anchor", .string(self.anchor)), ("force", .string(force.rawValue)), ("object", .string(object)),
            ("payload", .array(payload.map(JSONValue.string))), ("fallbackRef", .string(fallbackRef)),
            ("canonical", .string(anchor?.canonical)),
            ("coords", anchor.map { .array($0.coords.values.map(JSONValue.int)) } ?? .null),
        ])
    }
}
