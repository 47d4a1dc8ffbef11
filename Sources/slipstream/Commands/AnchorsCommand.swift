import ArgumentParser
import SlipstreamCore

/// Which codebook a command uses: `v1`, `v3` or a JSON file.
struct CodebookOption: ParsableArguments {
    @Option(name: .customLong("ucr"), help: "v1, v3, or a UCR JSON file (slipcore's UCR.save layout).")
    var ucr = "v1"

    func load() throws -> UCR { try Self.load(ucr) }

    /// `v1`, `v3` or a file path.
    static func load(_ name: String) throws -> UCR {
        switch name {
        case "v1": UCR.v1
        case "v3": UCR.v3
        default: try UCR.load(contentsOf: name)
        }
    }
}

/// `slipstream anchors`: lists a codebook.
struct AnchorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "anchors", abstract: "List the anchors of a UCR codebook.")

    @OptionGroup var codebook: CodebookOption

    @Flag(help: "Print one JSON object per anchor.")
    var json = false

    func run() throws {
        let ucr = try codebook.load()
        for anchor in ucr.anchors {
            if json {
                Output.json(anchor.json)
            } else {
                let padded = UCR.hex(anchor.index)
                let coords = anchor.coords.values.map(String.init).joined(separator: ",")
                Output.line(
                    "\(padded)  \(anchor.mnemonic.padding(20))\(anchor.forceObject.padding(22))(\(coords))  "
                        + "\(anchor.isCore ? "core" : "ext ")  \(anchor.state.rawValue.padding(10))\(anchor.canonical)")
            }
        }
        Output.flush()
    }
}

/// `slipstream ucr`: codebook utilities.
struct UCRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucr", abstract: "UCR codebook utilities.", subcommands: [Hash.self])

    struct Hash: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print slipcore's content hash of a codebook.")

        @Option(name: .customLong("ucr"), help: "v1, v3, or a UCR JSON file.")
        var ucr = "v3"

        func run() throws {
            Output.line(try CodebookOption.load(ucr).contentHash())
            Output.flush()
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
