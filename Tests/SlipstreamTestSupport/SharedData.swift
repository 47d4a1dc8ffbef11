import Foundation

/// The project's shared data: `../shared` beside the repository, or `$SLIPSTREAM_SHARED_DIR`.
public enum SharedData {
    public static let root: URL = {
        if let dir = ProcessInfo.processInfo.environment["SLIPSTREAM_SHARED_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return Repository.root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// A file or folder under the shared data, e.g. `data/tqt-v1-train.jsonl`.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
