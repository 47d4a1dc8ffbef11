import SlipstreamCore

/// How the server is told to keep the model's output well-formed.
public enum OutputConstraint: Sendable, Hashable {
    /// A GBNF grammar, sent as llama.cpp's `grammar` field.
    case grammar(String)
    /// A JSON schema: OpenAI `response_format` (`json_schema`) or Ollama's `format`.
    case jsonSchema(JSONValue)
}

/// Which kind of constraint the engine generates from the UCR.
public enum ConstraintMode: String, Sendable, Hashable, CaseIterable {
    /// GBNF grammar for the TQT record (llama.cpp); the default for the OpenAI-compatible API.
    case grammar
    /// JSON schema mapped back to a record; the default for Ollama.
    case json
    /// No constraint: measures the raw model.
    case none
}
