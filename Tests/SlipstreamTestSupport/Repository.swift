import Foundation

/// The repository the tests run from, and the environment that scripts/test.sh sets for them.
public enum Repository {
    /// The package root (this file is Tests/SlipstreamTestSupport/Repository.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file of the repository, e.g. `scripts/slipcore_oracle.py`.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The `slipstream` binary built beside the test bundle (a test target that runs it depends on it).
    public static let slipstream = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("slipstream").path

    /// The Python with the peers (slipcore, tiktoken, mcp), from `SLIPSTREAM_PYTHON`; nil when unset.
    public static var python: String? {
        ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
