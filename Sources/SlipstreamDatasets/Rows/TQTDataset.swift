import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A TQT JSONL file: one conversation per line, in ShareGPT form
/// (`{"conversations": [{"from": "human", "value": …}, {"from": "gpt", "value": "THOUGHT: …"}]}`) or
/// OpenAI chat form (`{"messages": [{"role": "user", "content": …}, {"role": "assistant", …}]}`).
///
/// ```swift
/// let dataset = try TQTDataset(contentsOf: "../shared/data/tqt-v1-train.jsonl")
/// dataset.examples.count   // 1835
/// ```
public struct TQTDataset: Sendable {
    public var examples: [TQTExample]

    public init(examples: [TQTExample]) { self.examples = examples }

    private struct Line: Decodable {
        struct Turn: Decodable {
            var from: String?
            var value: String?
            var role: String?
            var content: String?
        }
        var conversations: [Turn]?
        var messages: [Turn]?
    }

    /// Parses JSONL text; `source` names the file in errors.
    public init(jsonl text: String, source: String = "dataset") throws(QuantizerError) {
        var examples: [TQTExample] = []
        let decoder = JSONDecoder()
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingWhitespace()
            if line.isEmpty { continue }
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: Data(line.utf8))
            } catch {
                throw QuantizerError(.invalidDataset, "line is not a JSON conversation: \(error)", location: "\(source):\(number)")
            }
            let turns = parsed.conversations ?? parsed.messages ?? []
            let human = turns.first { ($0.from ?? $0.role) == "human" || ($0.from ?? $0.role) == "user" }
            let gpt = turns.first { ($0.from ?? $0.role) == "gpt" || ($0.from ?? $0.role) == "assistant" }
            guard let text = human?.value ?? human?.content, let answer = gpt?.value ?? gpt?.content else {
                throw QuantizerError(
                    .invalidDataset, "conversation needs a human/user turn and a gpt/assistant turn",
                    location: "\(source):\(number)")
            }
            let record: TQTRecord
            do {
                record = try TQTRecord.parse(answer)
            } catch {
                throw QuantizerError(.invalidDataset, "answer has no SLIP wire: \(error)", location: "\(source):\(number)")
            }
            examples.append(TQTExample(text: text, record: record, line: number))
        }
        self.examples = examples
    }

    /// Reads a JSONL file.
    public init(contentsOf path: String) throws(QuantizerError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw QuantizerError(.io, "cannot read dataset: \(error)", location: path)
        }
        try self.init(jsonl: String(decoding: data, as: UTF8.self), source: path)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
