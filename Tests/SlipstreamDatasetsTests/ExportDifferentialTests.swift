import Foundation
import SlipstreamCore
import SlipstreamDatasets
import SlipstreamTestSupport
import Testing

/// `DatasetExporter` against slipcore 3.1.1's own `finetune.py` exporters (run by $SLIPSTREAM_PYTHON, through
/// scripts/slipcore_export_oracle.py): on the same examples, every format gives the same JSON text as
/// `json.dumps(…, ensure_ascii=False)` writes it, so the same JSON objects, key order included.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"] != nil, "set SLIPSTREAM_PYTHON to a python with slipcore==3.1.1"))
struct ExportDifferentialTests {
    static let python = ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"] ?? "python3"
    static let oracle = Repository.url("scripts/slipcore_export_oracle.py").path

    /// slipcore's `TrainingExample` fields of an example, and the system prompt.
    static func fields(_ example: TQTExample, system: String) -> JSONValue {
        let message = example.record.message
        return .object([
            ("instruction", .string(example.text)), ("thought", .string(example.record.thought ?? "")),
            ("response", .string(message.wire)), ("force", .string(message.force.rawValue)), ("obj", .string(message.object)),
            ("system", .string(system)),
        ])
    }

    @Test(arguments: ExportFormat.allCases)
    func everyRowOfTheShippedV3FileExportsAsSlipcoreExportsIt(format: ExportFormat) throws {
        var examples: [(TQTExample, String)] = []
        for line in try SharedData.lines(SharedData.v3Train) {
            let row = try DatasetRow(jsonLine: line)
            examples.append((try TQTExample(row: row), row.system ?? ""))
        }
        #expect(examples.count == 1835)
        let input = examples.map { Self.fields($0.0, system: $0.1).compactText }.joined(separator: "\n")
        let theirs = try Subprocess.run(Self.python, [Self.oracle, "--format", format.rawValue], input: input)
            .split(separator: "\n").map(String.init)
        let exporter = DatasetExporter(format: format)
        let ours = examples.map { exporter.export($0.0, systemPrompt: $0.1).pythonLineText }
        #expect(theirs.count == ours.count)
        let differing = zip(ours, theirs).enumerated().filter { $1.0 != $1.1 }
        #expect(differing.isEmpty, "\(differing.count) rows differ, e.g. \(differing.prefix(2).map { "\($1.0)\n  vs \($1.1)" })")
    }

    struct Generated: Decodable {
        struct Example: Decodable { var instruction, thought, response, force, obj, system: String }
        var example: Example
        var formats: [String: String]
    }

    @Test func slipcoresOwnGeneratedExamplesExportAsSlipcoreExportsThem() throws {
        var count = 0
        for seed in 1...5 {
            let output = try Subprocess.run(Self.python, [Self.oracle, "--generate", "100", "--seed", "\(seed)"])
            for line in output.split(separator: "\n") {
                let generated = try JSONDecoder().decode(Generated.self, from: Data(line.utf8))
                let fields = generated.example
                let record = try TQTRecord.parse("THOUGHT: \(fields.thought)\nSLIP: \(fields.response)")
                let example = TQTExample(text: fields.instruction, record: record)
                #expect(record.message.force.rawValue == fields.force && record.message.object == fields.obj)
                for format in ExportFormat.allCases {
                    let ours = DatasetExporter(format: format).export(example, systemPrompt: fields.system).pythonLineText
                    #expect(ours == generated.formats[format.rawValue], "\(format): \(fields.instruction)")
                }
                count += 1
            }
        }
        #expect(count == 350)
    }
}
