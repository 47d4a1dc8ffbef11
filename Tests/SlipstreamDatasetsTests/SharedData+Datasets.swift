import Foundation
import SlipstreamTestSupport

extension SharedData {
    static let v1Train = url("data/tqt-v1-train.jsonl").path
    static let v3Train = url("data/tqt-v3-train.jsonl").path

    /// The lines of a file (the shared files are small enough to hold in a test).
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty }
    }
}
