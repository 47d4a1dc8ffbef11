import SlipstreamCore

/// What answers when the model cannot (timeout, server down, unusable answers): in the CLI, the
/// `local` quantizer engine.
public protocol LLMFallback: Sendable {
    /// The engine's name, reported in ``LLMResult/engine``.
    var engineName: String { get }
    /// A strict-valid record for `text` from `src` to `dst`.
    func encode(_ text: String, src: String, dst: String, version: WireVersion) async throws -> TQTRecord
}
