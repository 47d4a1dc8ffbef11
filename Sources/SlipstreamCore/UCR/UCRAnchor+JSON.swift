extension UCRAnchor {
    /// The `anchors --json` object: index, mnemonic, force, object, canonical, coords, core, state.
    public var json: JSONValue {
        .object([
            ("index", .int(index)), ("mnemonic", .string(mnemonic)), ("force", .string(force.rawValue)),
            ("object", .string(object)), ("canonical", .string(canonical)),
            ("coords", .array(coords.values.map(JSONValue.int))), ("core", .bool(isCore)), ("state", .string(state.rawValue)),
        ])
    }
}
