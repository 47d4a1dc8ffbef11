import MCP
import SlipstreamCore

/// A tool's successful result: the structured content, and text blocks for clients that read only text
/// (the first is always the structured content as one line of JSON).
struct ToolOutput: Sendable {
    var structured: Value
    var texts: [String]

    /// A result whose text is the JSON line the CLI prints for the same input.
    init(_ json: JSONValue, extraTexts: [String] = []) {
        structured = json.mcpValue
        texts = [json.compactText] + extraTexts
    }

    init(structured: Value, texts: [String]) {
        self.structured = structured
        self.texts = texts
    }

    var result: CallTool.Result {
        CallTool.Result(
            content: texts.map { .text(text: $0, annotations: nil, _meta: nil) }, structuredContent: Optional(structured), isError: false)
    }
}

extension SlipToolError {
    /// The error as an MCP tool result: `isError`, a text line and `{"error": {...}}`.
    var result: CallTool.Result {
        CallTool.Result(
            content: [.text(text: description, annotations: nil, _meta: nil)], structuredContent: Optional(json.mcpValue), isError: true)
    }
}
