import ArgumentParser
import SlipstreamCore

/// Options shared by the commands that read wires: limits, and an optional v1 codebook file.
struct WireInputOptions: ParsableArguments {
    @Option(help: "Longest line accepted, in bytes.")
    var maxLineBytes = 4096

    @Option(help: "A v1 codebook JSON file (slipcore UCR.save layout) to check anchors against.")
    var ucr: String?

    func parserConfiguration() throws -> WireParser.Configuration {
        var configuration = WireParser.Configuration(maxLineBytes: maxLineBytes)
        if let ucr { configuration.v1Codebook = try UCR.load(contentsOf: ucr) }
        return configuration
    }

    /// The lines to work on: the argument if given, else each line of standard input (streamed).
    func lines(_ argument: String?) -> AnySequence<LineReader.Line> {
        if let argument { return AnySequence([.text(argument, number: 1)]) }
        return AnySequence(LineReader(maxBytes: maxLineBytes))
    }
}
