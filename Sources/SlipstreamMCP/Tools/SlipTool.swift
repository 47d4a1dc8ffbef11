import MCP

/// One tool of the server: its MCP definition (name, description, JSON schema of its arguments) and
/// what a call does.
protocol SlipTool: Sendable {
    /// The tool as `tools/list` shows it.
    static var definition: Tool { get }

    init()

    /// Runs one call; a thrown error becomes an MCP tool error (see ``SlipToolError``).
    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput
}

extension SlipTool {
    /// The argument names the definition's schema lists.
    static var argumentNames: [String] {
        definition.inputSchema.objectValue?["properties"]?.objectValue.map { Array($0.keys) } ?? []
    }
}
