import MCP

/// Builders for the JSON schemas of tool arguments.
enum JSONSchema {
    /// An object schema that takes only `properties`.
    static func object(_ properties: [String: Value], required: [String] = []) -> Value {
        .object([
            "type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) }),
            "additionalProperties": false,
        ])
    }

    /// A string property.
    static func string(_ description: String) -> Value {
        .object(["type": "string", "description": .string(description)])
    }

    /// A string property with a closed set of values.
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ description: String, default defaultValue: Choice
    ) -> Value where Choice.RawValue == String {
        .object([
            "type": "string", "description": .string(description),
            "enum": .array(Choice.allCases.map { .string($0.rawValue) }), "default": .string(defaultValue.rawValue),
        ])
    }
}
