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
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(EncodedQuantization(result)), as: UTF8.self)
        }
    }
}

/// `--wire v1|v3`.
enum WireChoice: String, ExpressibleByArgument, CaseIterable {
    case v1, v3

    var version: WireVersion { self == .v1 ? .v1 : .v3 }
}

/// The JSON shape of `encode --format json`.
struct EncodedQuantization: Encodable {
    struct Coords: Encodable {
        var action: Int
        var polarity: Int
        var domain: Int
        var urgency: Int
    }

    var anchor: String
    var force: String
    var object: String
    var coords: Coords
    var quantize: String
    var confidence: Double
    var alternatives: [Quantization.Alternative]
    var payload: [String]
    var src: String
    var dst: String
    var wire: String
    var thought: String
    var engine: String

    init(_ result: Quantization) {
        anchor = result.anchor.mnemonic
        force = result.force.rawValue
        object = result.object
        let c = result.coords
        coords = Coords(action: c.action, polarity: c.polarity, domain: c.domain, urgency: c.urgency)
        quantize = QuantizeLine(coords: c, anchor: result.anchor.mnemonic).formatted
        confidence = (result.confidence * 10_000).rounded() / 10_000
        alternatives = result.alternatives.map { .init(anchor: $0.anchor, confidence: ($0.confidence * 10_000).rounded() / 10_000) }
        payload = result.payload
        src = result.src
        dst = result.dst
        wire = result.wire
        thought = result.thought
        engine = result.engine
    }
}
