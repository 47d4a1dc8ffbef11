import MCP

/// Builders for the JSON schemas of tool arguments and results.
enum JSONSchema {
    /// An object schema with exactly `properties` (every one required unless `required` says otherwise).
    static func object(_ properties: [String: Value], required: [String]? = nil) -> Value {
        .object([
            "type": "object", "properties": .object(properties),
            "required": .array((required ?? properties.keys.sorted()).map { .string($0) }), "additionalProperties": false,
        ])
    }

    /// A string property.
    static func string(_ description: String) -> Value {
        .object(["type": "string", "description": .string(description)])
    }

    /// A string property with a closed set of values (and a default, when it has one).
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ description: String, default defaultValue: Choice?
    ) -> Value where Choice.RawValue == String {
        var schema: [String: Value] = [
            "type": "string", "description": .string(description), "enum": .array(Choice.allCases.map { .string($0.rawValue) }),
        ]
        if let defaultValue { schema["default"] = .string(defaultValue.rawValue) }
        return .object(schema)
    }

    /// A value of a JSON type (`string`, `integer`, `number`, `boolean`), or of it or null.
    static func type(_ name: String, nullable: Bool = false) -> Value {
        .object(["type": nullable ? [.string(name), "null"] : .string(name)])
    }

    /// An array of `items`.
    static func array(_ items: Value, nullable: Bool = false) -> Value {
        .object(["type": nullable ? ["array", "null"] : "array", "items": items])
    }

    /// `schema` or null.
    static func nullable(_ schema: Value) -> Value {
        .object(["anyOf": [schema, ["type": "null"]]])
    }
}
