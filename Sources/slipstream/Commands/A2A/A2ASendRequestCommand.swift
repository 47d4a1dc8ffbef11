import ArgumentParser
import SlipstreamA2A
import SlipstreamCore

/// `slipstream a2a send-request`: wires → A2A 1.0 JSON-RPC SendMessage requests.
struct A2ASendRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-request",
        abstract: "Wrap SLIP v3 wires in A2A 1.0 JSON-RPC SendMessage requests, one JSON per line.",
        discussion: """
            The message is the one `a2a wrap` prints, its role written as A2A 1.0 writes roles (ROLE_USER, \
            ROLE_AGENT). POST a request with the headers `A2A-Version: 1.0` and `A2A-Extensions: \
            \(SlipA2A.extensionURI)`, and read the answer with `a2a read-response`. An invalid line is reported on \
            standard error as `line N: CODE: what was wrong` and skipped; the exit status is then 1.
            """)

    @OptionGroup var options: A2AMessageOptions

    @Option(help: "JSON-RPC id prefix: ids are PREFIX1, PREFIX2, … by input line (default: the line number, an integer).")
    var requestIdPrefix: String?

    @Option(help: "Output modes the client accepts, comma-separated (e.g. text/slip,text/plain).")
    var acceptedOutputModes: String?

    @Option(help: "Most history messages a Task answer should carry.")
    var historyLength: Int?

    @Flag(help: "Ask the agent to answer at once with the Task it started.")
    var returnImmediately = false

    func validate() throws {
        if let historyLength, historyLength < 0 {
            throw ValidationError("--history-length must be 0 or more, not \(historyLength)")
        }
    }

    func run() throws {
        let modes = acceptedOutputModes.map { $0.split(separator: ",").map(String.init) }
        let configuration =
            modes == nil && historyLength == nil && !returnImmediately
            ? nil
            : SlipA2ASendMessageConfiguration(
                acceptedOutputModes: modes, historyLength: historyLength, returnImmediately: returnImmediately ? true : nil)
        let failed = try options.forEachMessage { message, number in
            let id: SlipA2ARequestID = requestIdPrefix.map { .string("\($0)\(number)") } ?? .int(number)
            Output.json(SlipA2ASendMessageRequest(id: id, message: message, configuration: configuration).json)
        }
        Output.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
