import MCP

/// The server's tools: what `tools/list` shows and where `tools/call` goes.
struct ToolBox: Sendable {
    /// Every tool, in the order `tools/list` shows them.
    static let tools: [any SlipTool.Type] = [
        EncodeTool.self, DecodeTool.self, ValidateTool.self, TranslateTool.self, RenderTool.self, AnchorsTool.self,
        TokensTool.self, SendTool.self, ReceiveTool.self, AckTool.self, JoinTool.self, LeaveTool.self, MembersTool.self,
    ]

    static var definitions: [Tool] { tools.map { $0.definition } }

    let context: ToolContext

    /// Runs a call. Any failure of the tool is a tool error (`isError: true`) carrying its code, message
    /// and offset; an unknown tool is a protocol error (invalid params), as MCP asks.
    func call(_ name: String, arguments: [String: Value]?) async throws -> CallTool.Result {
        guard let tool = Self.tools.first(where: { $0.definition.name == name }) else {
            throw MCPError.invalidParams(
                "unknown tool \(name.debugDescription); the tools are \(Self.definitions.map(\.name).joined(separator: ", "))")
        }
        do {
            let arguments = try ToolArguments(arguments, allowed: tool.argumentNames)
            return try await Self.run(tool, arguments, context: context).result
        } catch is CancellationError {
            throw CancellationError()  // the client cancelled the call: MCP sends no reply
        } catch {
            return SlipToolError(error).result
        }
    }

    private static func run<Tool: SlipTool>(
        _ tool: Tool.Type, _ arguments: ToolArguments, context: ToolContext
    ) async throws -> ToolOutput {
        try await tool.init().call(arguments, context: context)
    }
}
