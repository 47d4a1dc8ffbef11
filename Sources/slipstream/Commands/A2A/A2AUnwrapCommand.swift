import ArgumentParser
import SlipstreamA2A
import SlipstreamCore

/// `slipstream a2a unwrap`: A2A message JSON lines → wires.
struct A2AUnwrapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unwrap",
        abstract: "Read A2A messages (one JSON per stdin line) and print each one's SLIP v3 wire.",
        discussion: """
            A line may hold a Message or a SendMessage body ({"message": …}). The wire must be a valid v3 wire \
            and, unless --ignore-ucr-hash, the message's ucrHash (when it has one) must be the --ucr codebook's. \
            A refused line is reported on standard error as `line N: CODE: what was wrong at FIELD` and skipped; \
            the exit status is then 1.
            """)

    @OptionGroup var codebook: A2ACodebookOption

    @Flag(help: "Accept messages whose ucrHash is not the codebook's.")
    var ignoreUCRHash = false

    @Option(help: "Longest line accepted, in bytes.")
    var maxLineBytes = 65536

    func run() throws {
        let ucr = ignoreUCRHash ? nil : try CodebookOption.load(codebook.ucr)
        var failed = 0
        for line in LineReader(maxBytes: maxLineBytes) {
            switch line {
            case .tooLong(let number, let bytes):
                failed += 1
                Output.error("line \(number): line_too_long: line is \(bytes) bytes, longer than the limit of \(maxLineBytes)")
            case .text(let text, let number):
                if text.allSatisfy(\.isWhitespace) { continue }
                do {
                    Output.line(try SlipA2AMessage.read(text, ucr: ucr).wire.wire)
                } catch {
                    failed += 1
                    Output.error("line \(number): \(error.code): \(error.message)" + (error.field.map { " at \($0)" } ?? ""))
                }
            }
        }
        Output.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
