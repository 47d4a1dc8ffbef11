import Foundation

/// Runs a program to completion and returns its standard output.
public enum Subprocess {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input { feed(stdin, input) }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes `text` to a started process's standard input and closes it, from another thread, so a large
    /// input and a large output cannot block each other. A process that exits without reading it all
    /// ends the write (SIGPIPE is ignored, so it does not end the tests).
    public static func feed(_ pipe: Pipe, _ text: String) {
        _ = ignoreBrokenPipes
        let handle = pipe.fileHandleForWriting
        let data = Data(text.utf8)
        Thread.detachNewThread {
            try? handle.write(contentsOf: data)
            try? handle.close()
        }
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}
