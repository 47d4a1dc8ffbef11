import ArgumentParser
import SlipstreamCore

/// `slipstream decode`: wires to human text or JSON.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Decode SLIP wires (the argument, or one per stdin line) and render them.")

    @Argument(help: "A wire such as 'SLIP v1 alice bob RequestReview auth_module'. Reads stdin when omitted.")
    var wire: String?

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Flag(help: "Refuse wires that need repair (the default repairs what models emit).")
    var strict = false

    @OptionGroup var input: WireInputOptions

    func run() throws {
        let parser = WireParser(profile: strict ? .strict : .lenient, configuration: try input.parserConfiguration())
        let renderer = Renderer(v1Codebook: parser.configuration.v1Codebook)
        var failures = 0
        for line in input.lines(wire) {
            let number: Int
            let result: Result<SlipMessage, WireError>
            switch line {
            case .text(let text, let n):
                number = n
                if text.isEmpty && wire == nil { continue }
                do throws(WireError) { result = .success(try parser.parse(text)) } catch { result = .failure(error) }
            case .tooLong(let n, let bytes):
                number = n
                result = .failure(.lineTooLong(bytes: bytes, limit: input.maxLineBytes))
            }
            switch result {
            case .success(let message):
                if json { Output.json(message.json(renderer: renderer)) } else { Output.line(renderer.human(message)) }
            case .failure(let error):
                failures += 1
                if json { Output.json(.object([("line", .int(number)), ("error", error.json)])) }
                Output.error("line \(number): \(error)")
            }
        }
        Output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
