import MCP
import SlipstreamCore
import SlipstreamTokenizers

/// `slip_tokens`: an exact token count (`slipstream tokens --json`).
struct TokensTool: SlipTool {
    static let definition = Tool(
        name: "slip_tokens",
        title: "Count tokens exactly",
        description: """
            Count the tokens of a text with a tiktoken encoding, exactly as tiktoken does (what \
            `slipstream tokens --json` prints: tokenizer, count). The rank files come from \
            `slipstream assets fetch` in the server's asset cache ($SLIPSTREAM_CACHE_DIR).
            """,
        inputSchema: JSONSchema.object(
            [
                "text": JSONSchema.string("The text to count."),
                "encoding": JSONSchema.choice("The encoding.", default: TokenizerName.o200kBase),
            ], required: ["text"]),
        annotations: .init(readOnlyHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object(["tokenizer": JSONSchema.type("string"), "count": JSONSchema.type("integer")]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let text = try arguments.string("text", maxBytes: context.configuration.limits.maxTextBytes)
        let name = try arguments.choice("encoding", default: TokenizerName.o200kBase)
        let tokenizer: Tokenizer
        do {
            tokenizer = try context.tokenizers.value(for: name) {
                try Tokenizer.load(name, cache: context.configuration.assetCache)
            }
        } catch {
            throw SlipToolError(error, argument: "encoding")
        }
        return ToolOutput(.object([("tokenizer", .string(name.rawValue)), ("count", .int(tokenizer.count(text)))]))
    }
}
