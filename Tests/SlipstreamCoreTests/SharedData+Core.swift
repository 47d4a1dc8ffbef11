import Foundation
import SlipstreamTestSupport

extension SharedData {
    /// The lines of a JSONL file, decoded as JSON objects.
    static func jsonl(_ relative: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: url(relative), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// The gpt outputs (TQT records) of a training file.
    static func outputs(_ relative: String = "data/tqt-v1-train.jsonl") throws -> [String] {
        try jsonl(relative).map { row in
            let conversations = row["conversations"] as! [[String: String]]
            return conversations.last!["value"]!
        }
    }
}
