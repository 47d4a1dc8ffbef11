import SlipstreamCore

/// Converts rows between SLIP v1 and v3: the system prompt becomes the target version's, the QUANTIZE
/// line takes the target's form, and the wire goes through the ``Translator``.
///
/// ```swift
/// let converter = DatasetConverter(
///     to: .v3, translator: Translator(store: InMemoryFallbackStore()), systemPrompts: [.v1: v1Prompt, .v3: v3Prompt])
/// let converted = try await converter.convert(row)
/// converted.row.gpt   // "THOUGHT: …\nQUANTIZE: Force=Request Object=Plan\nSLIP: SLIP v3 …"
/// ```
public struct DatasetConverter: Sendable {
    /// The version rows are converted to.
    public var target: WireVersion
    /// Translates the wires (and keeps v1 Fallback texts in its store).
    public var translator: Translator
    /// The training system prompt of each version: a row's system turn becomes the target's.
    public var systemPrompts: [WireVersion: String]
    /// Reads the source wires (lenient: repairs are reported as losses).
    public var parser: WireParser

    public init(
        to target: WireVersion, translator: Translator, systemPrompts: [WireVersion: String],
        parser: WireParser = WireParser(profile: .lenient)
    ) {
        self.target = target
        self.translator = translator
        self.systemPrompts = systemPrompts
        self.parser = parser
    }

    /// Converts one row; throws a ``DatasetError`` for a row without a usable record, and the translator's
    /// error when the fallback store fails.
    public func convert(_ row: DatasetRow, line: Int = 0) async throws -> RowConversion {
        let example = try TQTExample(row: row, line: line, parser: parser)
        let record = example.record
        var losses: [String] = []
        var converted = row
        if let system = row.system, let prompt = systemPrompts[target], system != prompt {
            if !systemPrompts.values.contains(system) {
                losses.append("the system prompt is not a training prompt; replaced by the \(target.rawValue) one")
            }
            converted = converted.replacing(.system, with: prompt)
        }
        guard record.message.version != target else { return RowConversion(row: converted, losses: losses) }
        if !record.repairs.isEmpty {
            losses.append("the source wire was repaired first: " + record.repairs.map(\.description).joined(separator: "; "))
        }
        let translation = try await translator.translate(record.message, to: target)
        losses += translation.losses
        let message = translation.message
        let quantize = record.quantize.map { _ in QuantizeLine(for: message, v1Codebook: translator.v1Codebook) }
        let answer = TQTRecord(thought: record.thought, quantize: quantize, message: message).formatted
        converted = converted.replacing(.gpt, with: answer)
        return RowConversion(row: converted, losses: losses)
    }
}
