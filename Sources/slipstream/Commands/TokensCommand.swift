import ArgumentParser
import SlipstreamCore
import SlipstreamTokenizers

/// `slipstream tokens`: exact token counts (and ids) for text, with tiktoken's encodings.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Count tokens (cl100k_base or o200k_base, identical to tiktoken) of TEXT or each stdin line.",
        discussion: """
            Examples:
              slipstream tokens "SLIP v1 alice bob RequestReview auth_module"
              slipstream tokens --tokenizer cl100k_base --ids "hello world"
              cat messages.txt | slipstream tokens --json
              slipstream tokens --decode "24912 2375"
            The rank files come from `slipstream assets fetch` (or --rank-file).
            """)

    @Argument(help: "The text to count. Reads standard input, one text per line, when omitted.")
    var text: String?

    @OptionGroup var options: TokenizerOptions

    @Flag(help: "Also print the token ids.")
    var ids = false

    @Flag(help: "Print one JSON object per text: {tokenizer, count, ids?, pieces?}.")
    var json = false

    @Flag(help: "Also print the pre-tokenizer pieces (tiktoken's regex matches).")
    var pieces = false

    @Flag(help: "Encode special tokens such as <|endoftext|> as their special ids (default: as plain text).")
    var allowSpecial = false

    @Flag(help: "Treat TEXT (or each line) as space- or comma-separated token ids and print the decoded text.")
    var decode = false

    func run() throws {
        let tokenizer = try options.load()
        var failures = 0
        func handle(_ input: String, line: Int) {
            if decode {
                let numbers = input.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "[" || $0 == "]" })
                let list = numbers.compactMap { Int($0) }
                guard list.count == numbers.count else {
                    failures += 1
                    Output.error("line \(line): expected token ids separated by spaces or commas")
                    return
                }
                do {
                    let decoded = try tokenizer.decode(list)
                    if json {
                        Output.json(.object([("tokenizer", .string(tokenizer.name.rawValue)), ("text", .string(decoded))]))
                    } else {
                        Output.line(decoded)
                    }
                } catch {
                    failures += 1
                    Output.error("line \(line): \(error)")
                }
                return
            }
            let special: AllowedSpecialTokens = allowSpecial ? .all : .none
            if !ids && !json && !pieces {
                Output.line(String(tokenizer.count(input, allowedSpecial: special)))
                return
            }
            let encoded = tokenizer.encode(input, allowedSpecial: special)
            if json {
                var members: [(String, JSONValue)] = [
                    ("tokenizer", .string(tokenizer.name.rawValue)), ("count", .int(encoded.count)),
                ]
                if ids { members.append(("ids", .array(encoded.map(JSONValue.int)))) }
                if pieces { members.append(("pieces", .array(tokenizer.pieces(of: input).map(JSONValue.string)))) }
                Output.json(.object(members))
            } else {
                var out = String(encoded.count)
                if ids { out += "\t" + encoded.map(String.init).joined(separator: " ") }
                if pieces { out += "\t" + tokenizer.pieces(of: input).map { $0.debugDescription }.joined(separator: " ") }
                Output.line(out)
            }
        }
        if let text {
            handle(text, line: 1)
        } else {
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                handle(line, line: number)
            }
        }
        Output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
