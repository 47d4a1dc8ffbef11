import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A TQT JSONL file held in memory: one conversation per line, in ShareGPT or OpenAI chat form (see
/// ``DatasetRow``). For files too large to hold, read rows one at a time with ``DatasetRow/init(jsonLine:)``.
///
/// ```swift
/// let dataset = try TQTDataset(contentsOf: "../shared/data/tqt-v1-train.jsonl")
/// dataset.examples.count   // 1835
/// ```
public struct TQTDataset: Sendable {
    public var examples: [TQTExample]

    public init(examples: [TQTExample]) { self.examples = examples }

    /// Parses JSONL text (blank lines are skipped); `source` names the file in errors.
    public init(jsonl text: String, source: String = "dataset") throws(DatasetError) {
        var examples: [TQTExample] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if raw.allSatisfy(\.isWhitespace) { continue }
            do {
                examples.append(try TQTExample(row: DatasetRow(jsonLine: raw), line: number))
            } catch {
                throw error.at(source, line: number)
            }
        }
        self.examples = examples
    }

    /// Reads a JSONL file.
    public init(contentsOf path: String) throws(DatasetError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DatasetError(.io, "cannot read the dataset: \(error)", source: path)
        }
        try self.init(jsonl: String(decoding: data, as: UTF8.self), source: path)
    }
}
