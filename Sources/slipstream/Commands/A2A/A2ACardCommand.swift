import ArgumentParser
import SlipstreamA2A
import SlipstreamCore

/// `slipstream a2a card`: the Agent Card extension entry.
struct A2ACardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Print the Agent Card capabilities.extensions[] entry declaring SLIP-A2A, with ucrVersion and ucrHash.")

    @OptionGroup var codebook: A2ACodebookOption

    @Flag(help: "Declare the extension as required (the spec says it SHOULD stay optional).")
    var required = false

    func run() throws {
        Output.json(SlipA2AAgentExtension(ucr: try CodebookOption.load(codebook.ucr), required: required).json)
        Output.flush()
    }
}
