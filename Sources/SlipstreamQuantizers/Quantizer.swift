import SlipstreamCore

/// Turns an agent's plain-language intent into a UCR anchor, a TQT record and a SLIP wire.
///
/// Engines are small value types chosen by name through ``QuantizerRegistry``; the `local` engine
/// (``LocalQuantizer``) is the default, `keyword` (``KeywordQuantizer``) is a baseline, and other
/// targets (an LLM server) add their own.
///
/// ```swift
/// let quantizer = try LocalQuantizer.shipped()
/// let result = try await quantizer.quantize(
///     "Tell bob to review my authentication code", context: QuantizationContext(src: "alice"))
/// result.wire   // "SLIP v1 alice bob RequestReview authentication_code"
/// ```
public protocol Quantizer: Sendable {
    /// The engine's name as `--engine` spells it (`local`, `keyword`).
    var engine: String { get }

    /// Quantizes one message.
    func quantize(_ text: String, context: QuantizationContext) async throws -> Quantization
}
