import ArgumentParser
import SlipstreamA2A
import SlipstreamCore

/// The wires to wrap and the A2A message fields: shared by `a2a wrap` and `a2a send-request`.
struct A2AMessageOptions: ParsableArguments {
    @Argument(help: "A wire; without it, stdin is read line by line.")
    var wire: String?

    @OptionGroup var codebook: A2ACodebookOption

    @Option(help: "The messages' role: user or agent.")
    var role = "user"

    @Option(help: "messageId prefix: ids are PREFIX1, PREFIX2, … by input line (default: random UUIDs).")
    var messageIdPrefix: String?

    @Option(help: "contextId of every message.")
    var contextId: String?

    @Option(help: "taskId of every message.")
    var taskId: String?

    @Option(help: "The metadata's confidence (0-1).")
    var confidence: Double?

    @Option(help: "Longest line accepted, in bytes.")
    var maxLineBytes = 4096

    func validate() throws {
        guard role == "user" || role == "agent" else {
            throw ValidationError("--role must be user or agent (A2A's roles), not \(role.debugDescription)")
        }
        if let confidence, !(0...1).contains(confidence) {
            throw ValidationError("--confidence must be a number from 0 to 1, not \(confidence)")
        }
    }

    /// Calls `body` with the A2A message of each valid strict v3 wire and its line number (the argument is line
    /// 1); an invalid or too long line is reported on standard error as `line N: CODE: what was wrong` and
    /// skipped. Returns how many lines were refused.
    func forEachMessage(_ body: (SlipA2AMessage, Int) -> Void) throws -> Int {
        let metadata = SlipA2AMetadata(ucr: try CodebookOption.load(codebook.ucr), confidence: confidence)
        let parser = WireParser(configuration: WireParser.Configuration(maxLineBytes: maxLineBytes))
        let lines: AnySequence<LineReader.Line> =
            wire.map { AnySequence([.text($0, number: 1)]) } ?? AnySequence(LineReader(maxBytes: maxLineBytes))
        var failed = 0
        for line in lines {
            switch line {
            case .tooLong(let number, let bytes):
                failed += 1
                Output.error("line \(number): line_too_long: line is \(bytes) bytes, longer than the limit of \(maxLineBytes)")
            case .text(let text, let number):
                do {
                    let message = try parser.parse(text, version: .v3)
                    body(
                        SlipA2AMessage(
                            wire: message, metadata: metadata, messageId: messageIdPrefix.map { "\($0)\(number)" }, role: role,
                            contextId: contextId, taskId: taskId),
                        number)
                } catch {
                    failed += 1
                    Output.error(
                        "line \(number): \(error.code): \(error.message)" + (error.offset.map { " at offset \($0)" } ?? ""))
                }
            }
        }
        return failed
    }
}
