import SlipstreamCore

/// Writes examples in the shapes of slipcore's `finetune.py` exporters (`to_sharegpt_format`,
/// `to_sharegpt_with_thought`, `to_sharegpt_with_semantics`, `to_chat_format`, `to_alpaca_format`).
///
/// An example maps onto slipcore's `TrainingExample` as: instruction = the human text, thought = the
/// THOUGHT line, response = the (strict) wire, force / obj = the wire's Force and Object. For v3 rows the
/// JSON objects equal slipcore's own; v1 rows keep their version where slipcore's text names v3 (the
/// QUANTIZE line takes the v1 form, the Alpaca instruction says "v1"), and a record without a THOUGHT
/// gets no THOUGHT line.
///
/// ```swift
/// let exporter = DatasetExporter(format: .alpaca)
/// exporter.export(example, systemPrompt: prompt).compactText
/// // {"instruction":"Communicate using Slipstream v3 protocol: …","input":"","output":"SLIP v3 …"}
/// ```
public struct DatasetExporter: Sendable {
    public var format: ExportFormat
    /// The codebook of v1 QUANTIZE lines.
    public var v1Codebook: UCR

    public init(format: ExportFormat, v1Codebook: UCR = .v1) {
        self.format = format
        self.v1Codebook = v1Codebook
    }

    /// The example as one JSON object of the format (`systemPrompt` is unused by Alpaca).
    public func export(_ example: TQTExample, systemPrompt: String) -> JSONValue {
        let message = example.record.message
        let wire = message.wire
        switch format {
        case .sharegpt:
            return Self.shareGPT(systemPrompt, example.text, wire)
        case .sharegptThought:
            return Self.shareGPT(
                systemPrompt, example.text, TQTRecord(thought: example.record.thought, quantize: nil, message: message).formatted)
        case .sharegptSemantics:
            let quantize = QuantizeLine(for: message, v1Codebook: v1Codebook)
            return Self.shareGPT(
                systemPrompt, example.text, TQTRecord(thought: example.record.thought, quantize: quantize, message: message).formatted)
        case .chat:
            return .object([
                (
                    "messages",
                    .array([
                        .object([("role", .string("system")), ("content", .string(systemPrompt))]),
                        .object([("role", .string("user")), ("content", .string(example.text))]),
                        .object([("role", .string("assistant")), ("content", .string(wire))]),
                    ])
                )
            ])
        case .alpaca:
            return .object([
                ("instruction", .string("Communicate using Slipstream \(message.version.rawValue) protocol: \(example.text)")),
                ("input", .string("")), ("output", .string(wire)),
            ])
        }
    }

    private static func shareGPT(_ system: String, _ human: String, _ gpt: String) -> JSONValue {
        .object([
            (
                "conversations",
                .array([
                    .object([("from", .string("system")), ("value", .string(system))]),
                    .object([("from", .string("human")), ("value", .string(human))]),
                    .object([("from", .string("gpt")), ("value", .string(gpt))]),
                ])
            )
        ])
    }
}
