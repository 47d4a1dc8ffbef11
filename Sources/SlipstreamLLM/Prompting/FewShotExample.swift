import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A worked example put before the user's text: one user turn and the model's TQT answer.
public struct FewShotExample: Sendable, Hashable {
    public var user: String
    public var assistant: String

    public init(user: String, assistant: String) {
        self.user = user
        self.assistant = assistant
    }

    /// The first `count` rows of a ShareGPT training file (`conversations`: system, human, gpt) whose
    /// answers have a QUANTIZE line, one per anchor, in file order.
    public static func load(fromJSONL path: String, count: Int) throws(LLMError) -> [FewShotExample] {
        guard count > 0 else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LLMError(.invalidConfiguration, "cannot read the few-shot file \(path)", underlying: "\(error)")
        }
        struct Row: Decodable {
            struct Turn: Decodable {
                var from: String
                var value: String
            }
            var conversations: [Turn]
        }
        var examples: [FewShotExample] = []
        var anchors: Set<String> = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            let row: Row
            do {
                row = try JSONDecoder().decode(Row.self, from: Data(line))
            } catch {
                throw LLMError(
                    .invalidConfiguration, "few-shot file \(path) line \(number + 1) is not a ShareGPT row", underlying: "\(error)")
            }
            guard let user = row.conversations.first(where: { $0.from == "human" })?.value,
                let answer = row.conversations.first(where: { $0.from == "gpt" })?.value,
                answer.contains("QUANTIZE:"),
                let record = try? TQTRecord.parse(answer),
                anchors.insert(record.anchor).inserted
            else { continue }
            examples.append(FewShotExample(user: user, assistant: answer))
            if examples.count == count { break }
        }
        return examples
    }
}
