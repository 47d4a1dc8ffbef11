/// One training or evaluation example: the message and the anchor it should quantize to.
public struct LabeledText: Sendable, Hashable {
    /// The agent's message (the human turn of a TQT conversation).
    public var text: String
    /// The v1 anchor mnemonic of the expected wire.
    public var anchor: String

    public init(text: String, anchor: String) {
        self.text = text
        self.anchor = anchor
    }
}
