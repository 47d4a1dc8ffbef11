/// The training-file shapes of slipcore's `finetune.py` (its `generate_dataset` format names).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// `to_sharegpt_format`: system, human, and the wire alone as the gpt turn.
    case sharegpt
    /// `to_sharegpt_with_thought`: the gpt turn is `THOUGHT: …` and `SLIP: …`.
    case sharegptThought = "sharegpt_thought"
    /// `to_sharegpt_with_semantics`: `THOUGHT: …`, `QUANTIZE: …` and `SLIP: …`.
    case sharegptSemantics = "sharegpt_semantics"
    /// `to_chat_format`: OpenAI messages with the wire as the assistant turn.
    case chat
    /// `to_alpaca_format`: instruction, empty input, the wire as output.
    case alpaca
}
