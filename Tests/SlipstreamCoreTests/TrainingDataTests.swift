import Foundation
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// The whole training file: every record parses, every wire repairs to a strict one.
@Suite struct TrainingDataTests {
    static let outputs = (try? SharedData.outputs()) ?? []
    static let v3Outputs = (try? SharedData.outputs("data/tqt-v3-train.jsonl")) ?? []

    @Test func trainingFileIsThere() {
        #expect(Self.outputs.count == 1835)
        #expect(Self.v3Outputs.count == 1835)
    }

    @Test func everySlipLineParsesLenientlyAndReformatsToAStrictWire() throws {
        let lenient = WireParser(profile: .lenient)
        let strict = WireParser(profile: .strict)
        var failures: [String] = []
        for output in Self.outputs {
            let line = output.split(separator: "\n").first { $0.hasPrefix("SLIP:") }!
            do {
                let message = try lenient.parse(line)
                let reparsed = try strict.parse(message.wire)
                if reparsed != message { failures.append("not a fixed point: \(message.wire)") }
            } catch {
                failures.append("\(line): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func everyOutputParsesAsATQTRecord() throws {
        var quantized = 0
        for output in Self.outputs {
            let record = try TQTRecord.parse(output)
            #expect(record.thought?.isEmpty == false)
            if let quantize = record.quantize {
                quantized += 1
                if quantize.action != nil {
                    let coords = try #require(quantize.coords, "\(quantize)")
                    #expect(coords.isInRange)
                }
                #expect(quantize.anchor == record.anchor)
            }
            #expect(try WireParser().parse(record.wire) == record.message)
        }
        #expect(quantized == 1431)
    }

    @Test func everyV3OutputParsesAsATQTRecordWithAStrictV3Wire() throws {
        for output in Self.v3Outputs {
            let record = try TQTRecord.parse(output)
            #expect(record.message.version == .v3)
            #expect(try WireParser().parse(record.wire, version: .v3) == record.message)
        }
    }

    @Test func strictProfileNamesTheFirstProblemOfARealLine() {
        let line = "SLIP v1 security_team coordinator RequestPlan vulnerabilities: 3"
        #expect {
            _ = try WireParser().parse(line)
        } throws: { error in
            guard let error = error as? WireError else { return false }
            return error.code == .invalidPayloadToken && error.token == "vulnerabilities:" && error.offset == 46
        }
    }
}
