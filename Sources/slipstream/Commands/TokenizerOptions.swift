import ArgumentParser
import SlipstreamTokenizers

extension TokenizerName: ExpressibleByArgument {}

/// Options shared by the commands that count tokens: which encoding, and where its rank file is.
struct TokenizerOptions: ParsableArguments {
    @Option(help: "The encoding: cl100k_base or o200k_base.")
    var tokenizer: TokenizerName = .o200kBase

    @Option(
        help: ArgumentHelp(
            "A .tiktoken (or .tiktoken.gz) rank file to use instead of the asset cache, e.g. one tiktoken downloaded.",
            valueName: "path"))
    var rankFile: String?

    /// Loads the selected tokenizer; a missing file says to run `slipstream assets fetch`.
    func load() throws -> Tokenizer {
        try Tokenizer.load(tokenizer, rankFile: rankFile)
    }
}
