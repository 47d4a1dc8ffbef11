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

extension WireError {
    /// The error as JSON: `{code, kind, message, token, offset}`.
    var json: JSONValue {
        .object([
            ("code", .string(code.rawValue)), ("kind", .string(kind.rawValue)), ("message", .string(message)),
            ("token", .string(token)), ("offset", offset.map(JSONValue.int) ?? .null),
        ])
    }
}

extension SlipMessage {
    /// The `decode --json` object.
    func json(renderer: Renderer) -> JSONValue {
        let anchor = renderer.anchor(of: self)
        return .object([
            ("version", .string(version.rawValue)), ("src", .string(src)), ("dst", .string(dst)),
            ("anchor", .string(self.anchor)), ("force", .string(force.rawValue)), ("object", .string(object)),
            ("payload", .array(payload.map(JSONValue.string))), ("fallbackRef", .string(fallbackRef)),
            ("canonical", .string(anchor?.canonical)),
            ("coords", anchor.map { .array($0.coords.values.map(JSONValue.int)) } ?? .null),
        ])
    }
}

extension WireRepair {
    var json: JSONValue {
        .object([
            ("code", .string(code.rawValue)), ("offset", .int(offset)), ("original", .string(original)),
            ("replacement", .string(replacement)),
        ])
    }
}
