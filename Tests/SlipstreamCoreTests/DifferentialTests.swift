import Foundation
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// Runs the real slipcore 3.1.1 (from $SLIPSTREAM_PYTHON's environment) over 12,000 generated valid and
/// invalid v3 wires and requires the same accept/reject decision, error class, fields and renderings
/// (`render_human`, `render_log_line`); and over 10,000
/// generated field sets, requiring the same formatting decisions, wires and errors.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"] != nil, "set SLIPSTREAM_PYTHON to a python with slipcore==3.1.1"))
struct DifferentialTests {
    struct Verdict: Decodable {
        var wire: String
        var ok: Bool
        var error: String?
        var message: String?
        var src, dst, force, obj, fallback_ref: String?
        var payload: [String]?
        var human, log: String?
    }

    @Test func sameDecisionsFieldsAndRenderingsAsSlipcoreOnTwelveThousandWires() throws {
        let python = ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"]!
        let output = try Subprocess.run(python, [Self.oracle, "--count", "12000", "--seed", "7"])
        let verdicts = try output.split(separator: "\n").map { try JSONDecoder().decode(Verdict.self, from: Data($0.utf8)) }
        #expect(verdicts.count == 12000)
        #expect(verdicts.filter(\.ok).count > 5000)
        var mismatches: [String] = []
        for verdict in verdicts {
            do {
                let message = try WireParser().parse(verdict.wire, version: .v3)
                if !verdict.ok {
                    mismatches.append("accepted, slipcore refused (\(verdict.message ?? "")): \(verdict.wire.debugDescription)")
                } else if message.src != verdict.src || message.dst != verdict.dst || message.force.rawValue != verdict.force
                    || message.object != verdict.obj || message.payload != verdict.payload
                    || message.fallbackRef != verdict.fallback_ref
                {
                    mismatches.append("fields differ: \(verdict.wire.debugDescription)")
                } else if Renderer().human(message) != verdict.human || Renderer().logLine(message) != verdict.log {
                    mismatches.append(
                        "renderings differ: \(Renderer().human(message)) | \(Renderer().logLine(message)) vs \(verdict.human ?? "") | \(verdict.log ?? "")"
                    )
                }
            } catch {
                let expectedKind: WireError.Kind = verdict.error == "WireParseError" ? .parse : .validation
                let ours = error.message.split(separator: ":").first.map(String.init)
                let theirs = verdict.message?.split(separator: ":").first.map(String.init)
                if verdict.ok {
                    mismatches.append("refused (\(error.message)), slipcore accepted: \(verdict.wire.debugDescription)")
                } else if error.kind != expectedKind || ours != theirs {
                    mismatches.append(
                        "\(error.kind)/\(ours ?? "") vs \(verdict.error ?? "")/\(theirs ?? ""): \(verdict.wire.debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(5))")
    }

    struct FormatVerdict: Decodable {
        var src, dst, force, obj: String
        var payload: [String]
        var ok: Bool
        var wire, message: String?
    }

    /// `SlipMessage.validatedV3` against slipcore's `format_slip` on 10,000 generated field sets, half of
    /// them broken: the same decision, the same wire, and the same error (the whole message where it quotes
    /// no field, which slipcore writes with Python's quotes).
    @Test func sameFormatDecisionsAndWiresAsSlipcoreOnTenThousandFieldSets() throws {
        let python = ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"]!
        let output = try Subprocess.run(python, [Self.oracle, "--format", "--count", "10000", "--seed", "11"])
        let verdicts = try output.split(separator: "\n").map { try JSONDecoder().decode(FormatVerdict.self, from: Data($0.utf8)) }
        #expect(verdicts.count == 10000)
        #expect(verdicts.filter(\.ok).count > 5000)
        var mismatches: [String] = []
        for verdict in verdicts {
            let result = Result { () throws(WireError) in
                try SlipMessage.validatedV3(
                    src: verdict.src, dst: verdict.dst, force: Force(rawValue: verdict.force)!, object: verdict.obj,
                    payload: verdict.payload)
            }
            switch result {
            case .success(let message) where message.wire != verdict.wire:
                mismatches.append("wire \(message.wire.debugDescription) vs \((verdict.wire ?? verdict.message ?? "").debugDescription)")
            case .failure(let error):
                let theirs = verdict.message ?? "accepted"
                let same =
                    theirs.contains("'")
                    ? error.message.split(separator: ":").first == theirs.split(separator: ":").first : error.message == theirs
                if !same || error.kind != .validation { mismatches.append("\(error.message) vs \(theirs)") }
            case .success: break
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(5))")
    }

    static let oracle = Repository.url("scripts/slipcore_oracle.py").path
}
