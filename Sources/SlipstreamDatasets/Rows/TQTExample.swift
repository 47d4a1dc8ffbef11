import SlipstreamCore

/// One row of a TQT dataset: the agent's message and the record the model should produce for it.
public struct TQTExample: Sendable, Hashable {
    /// The message (the human turn).
    public var text: String
    /// The expected record (THOUGHT, QUANTIZE, SLIP).
    public var record: TQTRecord
    /// The 1-based line in the file.
    public var line: Int

    public init(text: String, record: TQTRecord, line: Int = 0) {
        self.text = text
        self.record = record
        self.line = line
    }

    /// The example of a row: its human turn and its gpt turn read as a TQT record (the wire leniently
    /// repaired by `parser`).
    public init(row: DatasetRow, line: Int = 0, parser: WireParser = WireParser(profile: .lenient)) throws(DatasetError) {
        guard let text = row.human, let answer = row.gpt else {
            throw DatasetError(.missingTurn, "the conversation needs a human/user turn and a gpt/assistant turn", line: line)
        }
        do {
            self.init(text: text, record: try TQTRecord.parse(answer, parser: parser), line: line)
        } catch {
            throw DatasetError(.unusableRecord, "the gpt turn is not a usable TQT record: \(error.message)", line: line)
        }
    }

    /// The expected anchor: the wire's (v1 mnemonic; v3 wires map through the v1 codebook).
    public var anchor: String {
        let message = record.message
        if message.version == .v3, let v1 = UCR.v1.anchor(force: message.force, object: message.object) {
            return v1.mnemonic
        }
        return message.anchor
    }
}
