import Foundation

/// The project's shared training files (../shared beside the repository, or $SLIPSTREAM_SHARED_DIR).
enum SharedFiles {
    static let root: URL = {
        if let dir = ProcessInfo.processInfo.environment["SLIPSTREAM_SHARED_DIR"] {
            return URL(fileURLWithPath: dir)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let v1Train = root.appendingPathComponent("data/tqt-v1-train.jsonl").path
    static let v3Train = root.appendingPathComponent("data/tqt-v3-train.jsonl").path

    /// The lines of a file (the shared files are small enough to hold in a test).
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty }
    }
}
