import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream mcp` against a real peer: the official Python MCP client (scripts/mcp_peer.py, `mcp` from
/// scripts/requirements-test.txt) launches the built binary over stdio, calls every tool with valid and
/// invalid arguments and compares the results with the CLI's output; then feeds a server malformed
/// JSON-RPC. Runs when SLIPSTREAM_PYTHON names a python with `mcp` installed.
@Suite(.enabled(if: Repository.python != nil, "set SLIPSTREAM_PYTHON to a python with mcp"))
struct MCPPeerTests {
    @Test func thePythonMCPClientGetsWhatTheCLIPrints() throws {
        let python = try #require(Repository.python)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-mcp-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let shared = SharedData.url("data")
        var arguments = [Repository.url("scripts/mcp_peer.py").path, CLITests.binary, work.path]
        if FileManager.default.fileExists(atPath: shared.path) { arguments.append(shared.path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failures = text.split(separator: "\n").filter { $0.hasPrefix("FAIL") }
        #expect(
            process.terminationStatus == 0,
            "mcp_peer.py failed:\n\(failures.isEmpty ? Substring(text) : failures.joined(separator: "\n")[...])")
        let summary = try #require(text.split(separator: "\n").last { $0.hasSuffix(" failed") })
        #expect(summary.hasSuffix(", 0 failed"), "\(summary)")
        #expect(Int(summary.split(separator: " ")[0]) ?? 0 > 140, "\(summary)")
    }
}
