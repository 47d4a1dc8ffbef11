import Foundation
import SlipstreamCore
import SlipstreamLLM
import SlipstreamTestSupport
import Testing

@Suite struct SystemPromptTests {
    struct Row: Decodable {
        struct Turn: Decodable { var from, value: String }
        var conversations: [Turn]
    }

    static func trainingPrompt(_ file: String) throws -> String? {
        let url = SharedData.url("data/\(file)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let first = try #require(text.split(separator: "\n").first)
        return try JSONDecoder().decode(Row.self, from: Data(first.utf8)).conversations.first?.value
    }

    @Test(arguments: [(WireVersion.v1, "tqt-v1-train.jsonl"), (.v3, "tqt-v3-train.jsonl")])
    func promptIsTheTrainingDataPromptByteForByte(version: WireVersion, file: String) throws {
        let expected = try #require(try Self.trainingPrompt(file), "../shared/data/\(file) is missing")
        #expect(SystemPrompt.forWire(version) == expected)
    }

    @Test func fewShotExamplesComeFromTheTrainingFileOnePerAnchor() throws {
        let path = SharedData.url("data/tqt-v1-train.jsonl").path
        let examples = try FewShotExample.load(fromJSONL: path, count: 3)
        #expect(examples.count == 3)
        let anchors = try examples.map { try TQTRecord.parse($0.assistant).anchor }
        #expect(Set(anchors).count == 3)
    }

    @Test func aMissingFewShotFileIsAConfigurationError() {
        #expect(throws: LLMError.self) { try FewShotExample.load(fromJSONL: "/nonexistent/x.jsonl", count: 2) }
    }
}
