import ArgumentParser
import SlipstreamA2A
import SlipstreamCore

/// `slipstream a2a read-response`: A2A 1.0 JSON-RPC SendMessage answers → wires.
struct A2AReadResponseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-response",
        abstract: "Read A2A 1.0 JSON-RPC SendMessage answers (one JSON per stdin line) and print their SLIP v3 wires.",
        discussion: """
            A Message answer prints its wire; a Task answer prints the wires of its status message and artifacts \
            (--json also gives its id, state and history). A JSON-RPC error answer, a broken envelope or message, \
            an id other than --id's, or a line longer than --max-body-bytes is reported on standard error as \
            `line N: CODE: what was wrong at FIELD` and skipped; the exit status is then 1.
            """)

    @OptionGroup var codebook: A2ACodebookOption

    @Flag(help: "Accept messages whose ucrHash is not the codebook's.")
    var ignoreUCRHash = false

    @Option(help: "The request's JSON-RPC id, which every answer must carry (an integer, or else a string).")
    var id: String?

    @Flag(help: "Print one JSON summary per answer (id, kind, wires, task id and state).")
    var json = false

    @Option(help: "Longest answer (line) accepted, in bytes.")
    var maxBodyBytes = SlipA2A.defaultMaxBodyBytes

    func run() throws {
        let ucr = ignoreUCRHash ? nil : try CodebookOption.load(codebook.ucr)
        let requestID = id.map { Int($0).map(SlipA2ARequestID.int) ?? .string($0) }
        var failed = 0
        for line in LineReader(maxBytes: maxBodyBytes) {
            switch line {
            case .tooLong(let number, let bytes):
                failed += 1
                Output.error("line \(number): body_too_large: the body is \(bytes) bytes, longer than the limit of \(maxBodyBytes)")
            case .text(let text, let number):
                if text.allSatisfy(\.isWhitespace) { continue }
                do {
                    let response = try SlipA2ASendMessageResponse.read(
                        text, requestID: requestID, ucr: ucr, maxBodyBytes: maxBodyBytes)
                    if json {
                        Output.json(response.summaryJSON)
                    } else {
                        switch response.result {
                        case .message(let message): Output.line(message.wire.wire)
                        case .task(let task): for wire in task.wires { Output.line(wire.wire) }
                        }
                    }
                } catch {
                    failed += 1
                    Output.error(
                        "line \(number): \(error.code): \(error.message)" + (error.field.map { " at \($0)" } ?? "")
                            + (error.rpcError?.data.map { " (data: \($0.compactText))" } ?? ""))
                }
            }
        }
        Output.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
