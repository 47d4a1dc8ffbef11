import MCP
import SlipstreamCore
import SlipstreamQuantizers

/// `slip_encode`: plain-language intent → TQT record and wire, offline (`slipstream encode`).
struct EncodeTool: SlipTool {
    /// The offline engines the tool runs.
    enum Engine: String, CaseIterable, Sendable {
        case local, keyword
    }

    static let definition = Tool(
        name: "slip_encode",
        title: "Encode an intent as a SLIP wire",
        description: """
            Quantize a plain-language message into a Think-Quantize-Transmit record and a SLIP wire, offline \
            (what `slipstream encode --format json` prints). The result has thought, quantize (the QUANTIZE \
            line), wire, anchor, force, object, coords, payload, confidence and alternatives; the text \
            content also carries the three-line TQT record.
            """,
        inputSchema: JSONSchema.object(
            [
                "text": JSONSchema.string("The message, e.g. 'Tell bob to review my authentication code'."),
                "from": JSONSchema.string("Sender agent ID."),
                "to": JSONSchema.string("Receiver agent ID (default: named in the text, else 'agent')."),
                "wire": JSONSchema.choice("Wire version.", default: WireVersion.v1),
                "engine": JSONSchema.choice("Quantizer engine.", default: Engine.local),
            ], required: ["text", "from"]),
        annotations: .init(readOnlyHint: false, idempotentHint: true, openWorldHint: false),
        outputSchema: JSONSchema.object([
            "anchor": JSONSchema.type("string"), "force": JSONSchema.type("string"), "object": JSONSchema.type("string"),
            "coords": JSONSchema.object(
                [
                    "action": JSONSchema.type("integer"), "polarity": JSONSchema.type("integer"), "domain": JSONSchema.type("integer"),
                    "urgency": JSONSchema.type("integer"),
                ]),
            "quantize": JSONSchema.type("string"), "confidence": JSONSchema.type("number"),
            "alternatives": JSONSchema.array(
                JSONSchema.object(["anchor": JSONSchema.type("string"), "confidence": JSONSchema.type("number")])),
            "payload": JSONSchema.array(JSONSchema.type("string")), "src": JSONSchema.type("string"),
            "dst": JSONSchema.type("string"), "wire": JSONSchema.type("string"), "thought": JSONSchema.type("string"),
            "engine": JSONSchema.type("string"),
        ]))

    func call(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolOutput {
        let limit = context.configuration.limits.maxTextBytes
        let text = try arguments.string("text", maxBytes: limit)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw SlipToolError(.invalidArgument, "text is empty; give the message to encode", argument: "text")
        }
        let src = try arguments.string("from", maxBytes: limit)
        let dst = try arguments.optionalString("to", maxBytes: limit)
        try Self.checkAgentID(src, argument: "from")
        if let dst { try Self.checkAgentID(dst, argument: "to") }
        let version = try arguments.choice("wire", default: WireVersion.v1)
        let engine = try arguments.choice("engine", default: Engine.local)
        let quantizer = try context.quantizers.value(for: engine.rawValue) {
            try QuantizerRegistry.standard.make(engine.rawValue)
        }
        // As the CLI: only a v3 Fallback keeps its text apart from the wire (v1 quotes it).
        let quantizationContext = QuantizationContext(
            src: src, dst: dst, version: version, fallbackStore: version == .v3 ? context.store : nil)
        let result = try await quantizer.quantize(text, context: quantizationContext)
        let encoded = EncodedQuantization(result)
        return ToolOutput(structured: try Value(encoded), texts: [try encoded.jsonText(), result.record.formatted])
    }

    /// A tool error naming `argument` unless `id` is an agent id.
    private static func checkAgentID(_ id: String, argument: String) throws(SlipToolError) {
        do throws(QuantizerError) {
            try QuantizationContext.checkAgentID(id, as: argument)
        } catch {
            throw SlipToolError(error, argument: argument)
        }
    }
}
