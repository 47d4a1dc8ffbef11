import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamQuantizers

/// `slipstream encode`: plain-language intent → TQT record / SLIP wire, offline.
struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Quantize a message (or each stdin line) into a TQT record and a SLIP wire.",
        discussion: """
            Example:
              slipstream encode "Tell bob to review my authentication code" --from alice
              THOUGHT: I need bob to review the authentication code
              QUANTIZE: [ACTION=request | DOMAIN=evaluation | URGENCY=normal | POLARITY=neutral] -> RequestReview
              SLIP: SLIP v1 alice bob RequestReview authentication_code
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tqt, wire, json
    }

    @Argument(help: "The message. Without it, every stdin line is encoded as it arrives.")
    var text: String?

    @Option(name: .customLong("from"), help: "Sender agent ID.")
    var src: String

    @Option(name: .customLong("to"), help: "Receiver agent ID (default: named in the text, else 'agent').")
    var dst: String?

    @OptionGroup var engineOptions: EngineOptions

    @Option(help: "Output: tqt (THOUGHT/QUANTIZE/SLIP lines), wire, or json (one object per line).")
    var format: Format = .tqt

    @Option(help: "Wire version: v1 or v3.")
    var wire: WireChoice = .v1

    @Option(help: "Alternatives to list in json output.")
    var alternatives = 3

    @OptionGroup var store: FallbackStoreOptions

    func validate() throws {
        do throws(QuantizerError) {
            try QuantizationContext.checkAgentID(src, as: "--from")
            if let dst { try QuantizationContext.checkAgentID(dst, as: "--to") }
        } catch {
            throw ValidationError(error.reason)
        }
    }

    func run() async throws {
        // Only a v3 Fallback keeps its text apart from the wire (v1 quotes it).
        try await store.withStore(if: wire == .v3) { try await encode(fallbackStore: $0) }
    }

    private func encode(fallbackStore: (any FallbackStore)?) async throws {
        let quantizer = try engineOptions.makeQuantizer()
        let context = QuantizationContext(
            src: src, dst: dst, version: wire.version, fallbackStore: fallbackStore, alternatives: max(0, alternatives))
        if let text {
            print(try await render(try await quantizer.quantize(text, context: context)))
            return
        }
        var first = true
        while let line = readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let output = try await render(try await quantizer.quantize(line, context: context))
            let separator = format == .tqt && !first ? "\n" : ""
            FileHandle.standardOutput.write(Data((separator + output + "\n").utf8))
            first = false
        }
    }

    private func render(_ result: Quantization) async throws -> String {
        switch format {
        case .tqt: return result.record.formatted
        case .wire: return result.wire
        case .json: return try EncodedQuantization(result).jsonText()
        }
    }
}

/// `--wire v1|v3`.
enum WireChoice: String, ExpressibleByArgument, CaseIterable {
    case v1, v3

    var version: WireVersion { self == .v1 ? .v1 : .v3 }
}
