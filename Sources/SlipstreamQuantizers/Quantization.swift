import SlipstreamCore

/// The result of quantizing one message: the anchor, its coordinates, the record and the wire.
public struct Quantization: Sendable, Hashable {
    /// One ranked candidate anchor.
    public struct Alternative: Sendable, Hashable, Codable {
        /// The v1 mnemonic (`RequestReview`).
        public var anchor: String
        /// The calibrated probability (0–1).
        public var confidence: Double

        public init(anchor: String, confidence: Double) {
            self.anchor = anchor
            self.confidence = confidence
        }
    }

    /// The chosen anchor (Fallback when the engine was not confident enough).
    public var anchor: UCRAnchor
    /// The calibrated probability of the chosen anchor (for a threshold Fallback: of the best anchor).
    public var confidence: Double
    /// The best anchors, most likely first, the chosen one excluded.
    public var alternatives: [Alternative]
    /// The payload tokens (strict v1 tokens; a v1 Fallback carries the text instead).
    public var payload: [String]
    /// The THOUGHT line's text.
    public var thought: String
    /// The SLIP message in the requested wire version.
    public var message: SlipMessage
    /// The engine that produced this.
    public var engine: String

    public init(
        anchor: UCRAnchor, confidence: Double, alternatives: [Alternative], payload: [String], thought: String,
        message: SlipMessage, engine: String
    ) {
        self.anchor = anchor
        self.confidence = confidence
        self.alternatives = alternatives
        self.payload = payload
        self.thought = thought
        self.message = message
        self.engine = engine
    }

    /// The UCR coordinates of the anchor: the QUANTIZE line's four dimensions.
    public var coords: Coordinates { anchor.coords }
    /// The v3 Force.
    public var force: Force { anchor.force }
    /// The v3 Object.
    public var object: String { anchor.object }
    /// The sender.
    public var src: String { message.src }
    /// The receiver.
    public var dst: String { message.dst }
    /// The wire line.
    public var wire: String { message.wire }
    /// Whether the result is a Fallback.
    public var isFallback: Bool { anchor.force == .fallback }

    /// The TQT record (THOUGHT, QUANTIZE, SLIP lines), as the model card prints it.
    public var record: TQTRecord {
        TQTRecord(thought: thought, quantize: QuantizeLine(coords: anchor.coords, anchor: anchor.mnemonic), message: message)
    }
}
