import SlipstreamCore
import SlipstreamDatasets
import SlipstreamTestSupport
import Testing

@Suite struct DatasetRowTests {
    @Test func readsAShareGPTRow() throws {
        let row = try DatasetRow(
            jsonLine:
                #"{"conversations": [{"from": "system", "value": "S"}, {"from": "human", "value": "hi"}, {"from": "gpt", "value": "SLIP v1 a b MetaAck"}]}"#
        )
        #expect(row.layout == .shareGPT)
        #expect(row.system == "S")
        #expect(row.human == "hi")
        #expect(row.gpt == "SLIP v1 a b MetaAck")
    }

    @Test func readsAChatRowAndWritesItInItsLayout() throws {
        let line = #"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "SLIP v1 a b MetaAck"}]}"#
        let row = try DatasetRow(jsonLine: line)
        #expect(row.layout == .chat)
        #expect(row.system == nil)
        #expect(row.json.pythonLineText == line)
    }

    @Test func writesEveryShippedRowBackByteForByte() throws {
        for path in [SharedData.v1Train, SharedData.v3Train] {
            for line in try SharedData.lines(path) {
                #expect(try DatasetRow(jsonLine: line).json.pythonLineText == line)
            }
        }
    }

    @Test(arguments: [
        ("{", DatasetError.Code.notJSON, "not JSON"),
        ("[1, 2]", .wrongShape, "the row is a JSON array"),
        (#"{"text": "hi"}"#, .wrongShape, #"no "conversations" or "messages""#),
        (#"{"conversations": "hi"}"#, .wrongShape, #""conversations" is a string"#),
        (#"{"conversations": [1]}"#, .wrongShape, "turn 1 of \"conversations\" is a number"),
        (#"{"conversations": [{"from": "tool", "value": "x"}]}"#, .wrongShape, "turn 1 of \"conversations\" has role \"tool\""),
        (#"{"conversations": [{"from": "human"}]}"#, .wrongShape, #"turn 1 of "conversations" (human) has no string "value""#),
        (#"{"conversations": [{"from": "human", "value": 3}]}"#, .wrongShape, #"has no string "value""#),
        (#"{"conversations": [{"from": "human", "value": "x"}]}"#, .missingTurn, "no gpt turn"),
        (#"{"messages": [{"role": "system", "content": "x"}]}"#, .missingTurn, "no user and assistant turn"),
    ])
    func refusesARowSayingWhatIsWrong(line: String, code: DatasetError.Code, words: String) {
        #expect {
            _ = try DatasetRow(jsonLine: line)
        } throws: { error in
            guard let error = error as? DatasetError else { return false }
            return error.code == code && error.message.contains(words)
        }
    }

    @Test func normalizedTextsIgnoreCasePunctuationAndSpacing() {
        #expect(TextKey.normalize("  Deploy the   model!! ") == "deploy the model")
        #expect(TextKey("Deploy the model!").normalized == TextKey("deploy the model").normalized)
        #expect(TextKey("Deploy the model!").exact != TextKey("deploy the model").exact)
    }
}
