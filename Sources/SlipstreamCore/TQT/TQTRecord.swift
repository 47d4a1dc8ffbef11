/// A Think-Quantize-Transmit record: the model's output.
///
/// ```swift
/// let record = try TQTRecord.parse("""
///     THOUGHT: I need bob to do a code review on the auth module
///     QUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=normal | POLARITY=neutral] -> RequestReview
///     SLIP: SLIP v1 alice bob RequestReview auth_module
///     """)
/// record.quantize?.urgency   // "normal"
/// record.message.anchor      // "RequestReview"
/// ```
public struct TQTRecord: Sendable, Hashable {
    /// The THOUGHT line's text, if any.
    public var thought: String?
    /// The QUANTIZE line, if any.
    public var quantize: QuantizeLine?
    /// The wire as it was written in the record.
    public var rawWire: String
    /// The parsed (leniently repaired) message.
    public var message: SlipMessage
    /// Repairs the lenient wire parser made.
    public var repairs: [WireRepair]

    public init(thought: String?, quantize: QuantizeLine?, message: SlipMessage, rawWire: String? = nil, repairs: [WireRepair] = []) {
        self.thought = thought
        self.quantize = quantize
        self.message = message
        self.rawWire = rawWire ?? message.wire
        self.repairs = repairs
    }

    /// The strict wire of the message.
    public var wire: String { message.wire }

    /// The anchor the record lands on: the wire's.
    public var anchor: String { message.anchor }

    /// The three lines, as in the model card.
    public var formatted: String {
        var lines: [String] = []
        if let thought { lines.append("THOUGHT: \(thought)") }
        if let quantize { lines.append("QUANTIZE: \(quantize.formatted)") }
        lines.append("SLIP: \(message.wire)")
        return lines.joined(separator: "\n")
    }

    /// Reads a record from model output, tolerating missing THOUGHT/QUANTIZE lines, extra whitespace,
    /// markdown, code fences and chatter around the lines.
    public static func parse(_ text: some StringProtocol, parser: WireParser = WireParser(profile: .lenient)) throws(TQTError) -> TQTRecord
    {
        try TQTParser(wireParser: parser).parse(String(text))
    }
}
