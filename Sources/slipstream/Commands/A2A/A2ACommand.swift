import ArgumentParser

/// `slipstream a2a`: Slipstream wires inside Agent2Agent (A2A) messages (the SLIP-A2A extension).
struct A2ACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "a2a",
        abstract: "SLIP v3 wires in and out of A2A messages and JSON-RPC envelopes, and the Agent Card entry (SLIP-A2A).",
        discussion: """
            SLIP-A2A is slipcore 3.1.1's draft A2A extension \
            (https://github.com/anthony-maio/slipcore/extensions/a2a-slipstream/v1): the wire is the first text \
            part of an A2A Message, which names the extension in `extensions` and carries slipVersion, encoding, \
            ucrVersion and ucrHash in `metadata`. send-request and read-response speak A2A 1.0's JSON-RPC binding \
            (method SendMessage). See docs/a2a.md.
            """,
        subcommands: [
            A2AWrapCommand.self, A2AUnwrapCommand.self, A2ASendRequestCommand.self, A2AReadResponseCommand.self,
            A2ACardCommand.self,
        ])
}

/// `--ucr v3|v1|FILE` for the a2a commands (the codebook whose ucrVersion and ucrHash are used).
struct A2ACodebookOption: ParsableArguments {
    @Option(name: .customLong("ucr"), help: "v3, v1, or a UCR JSON file (slipcore's UCR.save layout).")
    var ucr = "v3"
}
