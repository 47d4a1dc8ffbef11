/// The result of translating a message between wire versions.
public struct Translation: Sendable, Hashable {
    /// The translated message.
    public var message: SlipMessage
    /// What could not be carried over exactly (empty when the translation is reversible).
    public var losses: [String]

    public init(message: SlipMessage, losses: [String] = []) {
        self.message = message
        self.losses = losses
    }

    /// Whether translating back gives the original message.
    public var isLossless: Bool { losses.isEmpty }
}
