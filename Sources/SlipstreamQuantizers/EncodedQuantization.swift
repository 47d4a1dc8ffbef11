import Foundation
import SlipstreamCore

/// A ``Quantization`` as `slipstream encode --format json` prints it: anchor, force, object, coords, the
/// QUANTIZE line, confidence and alternatives (rounded to 4 decimals), payload, src, dst, wire, thought,
/// engine. The MCP server's `slip_encode` returns the same object.
public struct EncodedQuantization: Codable, Sendable, Hashable {
    /// The anchor's coordinates by name.
    public struct Coords: Codable, Sendable, Hashable {
        public var action: Int
        public var polarity: Int
        public var domain: Int
        public var urgency: Int
    }

    public var anchor: String
    public var force: String
    public var object: String
    public var coords: Coords
    public var quantize: String
    public var confidence: Double
    public var alternatives: [Quantization.Alternative]
    public var payload: [String]
    public var src: String
    public var dst: String
    public var wire: String
    public var thought: String
    public var engine: String

    public init(_ result: Quantization) {
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

    /// One line of JSON with sorted keys, as `encode --format json` prints it.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
