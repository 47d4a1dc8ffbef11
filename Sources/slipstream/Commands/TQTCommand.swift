import ArgumentParser
import SlipstreamCore

/// `slipstream tqt`: Think-Quantize-Transmit records.
struct TQTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tqt", abstract: "Think-Quantize-Transmit records.", subcommands: [Parse.self])

    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse one TQT record (model output) from stdin.",
            discussion:
                "Missing THOUGHT/QUANTIZE lines, code fences and chatter are tolerated; a record without a usable SLIP line is an error.")

        @Flag(help: "Print JSON: thought, quantize{action,domain,urgency,polarity}, anchor, wire.")
        var json = false

        @Option(help: "Largest record accepted, in bytes.")
        var maxBytes = 65536

        func run() throws {
            var bytes: [UInt8] = []
            var reader = LineReader(maxBytes: maxBytes)
            while let line = reader.next() {
                switch line {
                case .text(let text, _):
                    bytes.append(contentsOf: text.utf8)
                    bytes.append(0x0A)
                case .tooLong(let number, let length):
                    Output.error(
                        TQTError(.tooLong, "a line is \(length) bytes, longer than the limit of \(maxBytes)", line: number)
                            .description)
                    throw ExitCode(1)
                }
                if bytes.count > maxBytes {
                    Output.error(TQTError(.tooLong, "the record is longer than the limit of \(maxBytes) bytes").description)
                    throw ExitCode(1)
                }
            }
            let record: TQTRecord
            do {
                record = try TQTRecord.parse(String(decoding: bytes, as: UTF8.self))
            } catch {
                Output.error(error.description)
                throw ExitCode(1)
            }
            if json {
                let q = record.quantize
                Output.json(
                    .object([
                        ("thought", .string(record.thought)),
                        (
                            "quantize",
                            q.map { q in
                                .object([
                                    ("action", .string(q.action)), ("domain", .string(q.domain)), ("urgency", .string(q.urgency)),
                                    ("polarity", .string(q.polarity)),
                                ])
                            } ?? .null
                        ),
                        ("anchor", .string(record.anchor)), ("wire", .string(record.wire)),
                        ("coords", q?.coords.map { .array($0.values.map(JSONValue.int)) } ?? .null),
                        ("repairs", .array(record.repairs.map(\.json))),
                    ]))
            } else {
                Output.line(record.formatted)
            }
            Output.flush()
        }
    }
}
