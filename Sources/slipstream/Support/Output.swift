import Foundation
import SlipstreamCore

/// Writes lines to standard output and standard error.
enum Output {
    static func line(_ text: String) { print(text) }

    static func json(_ value: JSONValue) { print(value.compactText) }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Flushes every C output stream (standard output among them).
    static func flush() { fflush(nil) }
}
