import Foundation
import SlipstreamTestSupport
import Testing

/// The command-line contract other tools rely on: command names, JSON fields and exit statuses.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    /// The `slipstream` binary built beside the test bundle.
    static let binary = Repository.slipstream

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe()
        let output = Pipe()
        // Standard error goes to a file, so a command writing much of it never blocks on a full pipe while
        // standard output is read.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-stderr-\(UUID())").path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        Subprocess.feed(input, stdin)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try error.close()
        let err = try Data(contentsOf: URL(fileURLWithPath: errorPath))
        return Run(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func encodeRefusesASenderThatIsNotAnAgentIDInsteadOfChangingIt() throws {
        let run = try Self.run(["encode", "Tell bob to review my authentication code", "--from", "älice", "--wire", "v3"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--from \"älice\" is not an agent id"))
        let underscored = try Self.run(["encode", "Tell bob to review it", "--from", "product_manager", "--wire", "v3", "--format", "wire"])
        #expect(underscored.stdout.hasPrefix("SLIP v3 productManager bob "))
    }

    @Test func decodeRendersAWire() throws {
        let run = try Self.run(["decode", "SLIP v1 alice bob RequestReview auth_module"])
        #expect(run.status == 0)
        #expect(run.stdout == "[alice -> bob] RequestReview: \"Request review of work\" (payload: auth_module)\n")
    }

    @Test func decodeJSONHasTheContractFields() throws {
        let run = try Self.run(["decode", "--json"], stdin: "SLIP v3 planner exec Request Plan timeline\nSLIP v1 a b MetaAck\n")
        #expect(run.status == 0)
        let objects = run.lines
        #expect(objects.count == 2)
        for key in ["version", "src", "dst", "anchor", "force", "object", "payload", "fallbackRef", "canonical", "coords"] {
            #expect(objects[0].keys.contains(key), "missing \(key)")
        }
        #expect(objects[0]["coords"] as? [Int] == [3, 4, 1, 4])
        #expect(objects[1]["anchor"] as? String == "MetaAck")
    }

    /// More input and output than a pipe holds: the command streams, and neither side waits on the other.
    @Test func validateStreamsMoreLinesThanAPipeHolds() throws {
        let line = "SLIP v1 alice bob RequestReview auth_module\n"
        let run = try Self.run(["validate", "--json"], stdin: String(repeating: line, count: 50_000))
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 50_000)
        #expect(lines.last?.hasPrefix(#"{"line":50000,"valid":true"#) == true)
    }

    @Test func validateReportsEachLineAndFailsWhenOneIsInvalid() throws {
        let run = try Self.run(["validate", "--json"], stdin: "SLIP v1 a b RequestTask ok\nSLIP v1 a b RequestTask x:y\n")
        #expect(run.status == 1)
        let objects = run.lines
        #expect(objects.map { $0["valid"] as? Bool } == [true, false])
        let error = try #require(objects[1]["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_payload_token")
        #expect(error["offset"] as? Int == 24)
        #expect(objects[1]["normalized"] as? String == "SLIP v1 a b RequestTask x y")
        #expect((objects[1]["repairs"] as? [Any])?.count == 1)

        let lenient = try Self.run(["validate", "--lenient"], stdin: "SLIP v1 a b RequestTask x:y\n")
        #expect(lenient.status == 0)
    }

    @Test func overlongLinesAreRefusedAndTheRestGoOn() throws {
        let long = "SLIP v1 a b RequestTask " + String(repeating: "x", count: 10_000)
        let run = try Self.run(["decode", "--json"], stdin: "\(long)\nSLIP v1 a b MetaAck\n")
        #expect(run.status == 1)
        let objects = run.lines
        #expect(objects.count == 2)
        #expect((objects[0]["error"] as? [String: Any])?["code"] as? String == "line_too_long")
        #expect(objects[1]["anchor"] as? String == "MetaAck")
        #expect(run.stderr.contains("line 1"))
    }

    /// Batch modes stream: 100 MB of wires go through `validate` while its resident memory stays far below
    /// the input's size. The peak (the kernel's VmHWM) is read after the last byte went into the pipe, before
    /// it closes, so the command has read almost everything by then.
    @Test func aHundredMegabytesStreamThroughValidateInBoundedMemory() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["validate"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Valid lines of about 1 KB (60 payload tokens), 1,000 to a chunk, 100 chunks.
        let line = "SLIP v1 alice bob RequestReview " + (0..<60).map { "item\($0 % 10)_abcdefghij" }.joined(separator: " ") + "\n"
        let chunk = Data(String(repeating: line, count: 1000).utf8)
        for _ in 0..<100 { input.fileHandleForWriting.write(chunk) }
        let peakKB = Self.peakResidentKB(of: process.processIdentifier)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let peak = try #require(peakKB)
        #expect(peak < 64 * 1024, "validate peaked at \(peak) KB on 100 MB of input")
    }

    /// A running process's peak resident set (VmHWM in /proc), in KB.
    static func peakResidentKB(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }

    @Test func translateGoesBothWaysWithinARun() throws {
        let run = try Self.run(["translate", "--to", "v3"], stdin: "SLIP v1 product_manager planner RequestPlan feature_x_release\n")
        #expect(run.stdout == "SLIP v3 productManager planner Request Plan featureXRelease\n")
        let back = try Self.run(["translate", "--to", "v1"], stdin: run.stdout)
        #expect(back.stdout == "SLIP v1 product_manager planner RequestPlan feature_x_release\n")
    }

    /// A v1 Fallback's text goes into the SQLite store file; a later run resolves the v3 ref from it,
    /// whether `translate` or `encode --wire v3` stored it.
    @Test func fallbackTextsOutliveTheRunInTheStoreFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fallback-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let v1 = #"SLIP v1 alice bob Fallback "please check the pods""#
        let v3 = try Self.run(["translate", "--to", "v3", "--fallback-store", path], stdin: v1 + "\n")
        #expect(v3.stdout == "SLIP v3 alice bob Fallback Generic ref2b239e62\n")
        #expect(try Self.run(["translate", "--to", "v1", "--fallback-store", path], stdin: v3.stdout).stdout == v1 + "\n")

        let encoded = try Self.run([
            "encode", "qwz blorf ungle", "--from", "alice", "--wire", "v3", "--format", "wire", "--fallback-store", path,
        ])
        #expect(encoded.stdout.contains(" Fallback Generic ref"))
        let back = try Self.run(["translate", "--to", "v1", "--fallback-store", path], stdin: encoded.stdout)
        #expect(back.stdout == #"SLIP v1 alice agent Fallback "qwz blorf ungle""# + "\n")

        // The store is opened only when a Fallback needs it: where it cannot be made, only that line fails.
        let unwritable = try Self.run(
            ["translate", "--to", "v3"], stdin: "SLIP v1 a b MetaAck\n\(v1)\nSLIP v1 a b RequestTask x_y\n",
            environment: ["SLIPSTREAM_CACHE_DIR": "/proc/no-such-folder"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stdout == "SLIP v3 a b Meta Ack\nSLIP v3 a b Request Task xY\n")
        #expect(unwritable.stderr.contains("line 2: fallback store error (storage): cannot make the folder \"/proc/no-such-folder\""))

        // Without the file the ref cannot be resolved: said on stderr, the ref kept.
        let lost = try Self.run(["translate", "--to", "v1", "--fallback-store", ":memory:"], stdin: v3.stdout)
        #expect(lost.stdout == "SLIP v1 alice bob Fallback ref2b239e62\n")
        #expect(lost.stderr.contains("not in the store"))
    }

    /// The same across runs with the store on the PostgreSQL server of $SLIPSTREAM_POSTGRES_URL.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"] != nil, "needs a PostgreSQL server"))
    func fallbackTextsOutliveTheRunOnAPostgreSQLServer() throws {
        let url = try #require(ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"])
        let v1 = #"SLIP v1 alice bob Fallback "kept on the server \#(UUID())""#
        let v3 = try Self.run(["translate", "--to", "v3", "--fallback-store", url], stdin: v1 + "\n")
        #expect(v3.status == 0 && v3.stdout.contains(" Fallback Generic ref"))
        #expect(try Self.run(["translate", "--to", "v1", "--fallback-store", url], stdin: v3.stdout).stdout == v1 + "\n")
    }

    @Test func anchorsAndHash() throws {
        #expect(try Self.run(["ucr", "hash"]).stdout == "357cdafecd65be46\n")
        let anchors = try Self.run(["anchors", "--ucr", "v1", "--json"]).lines
        #expect(anchors.count == 46)
        #expect(anchors.contains { $0["mnemonic"] as? String == "RequestReview" })
    }

    @Test func tqtParseReadsModelOutput() throws {
        let text =
            "```\nTHOUGHT: review please\nQUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=normal | POLARITY=neutral] -> RequestReview\nSLIP: SLIP v1 alice bob RequestReview auth_module\n```\n"
        let run = try Self.run(["tqt", "parse", "--json"], stdin: text)
        #expect(run.status == 0)
        let object = try #require(run.lines.first)
        #expect(object["thought"] as? String == "review please")
        #expect((object["quantize"] as? [String: Any])?["urgency"] as? String == "normal")
        #expect(object["anchor"] as? String == "RequestReview")
        #expect(object["wire"] as? String == "SLIP v1 alice bob RequestReview auth_module")

        let missing = try Self.run(["tqt", "parse"], stdin: "THOUGHT: nothing to send\n")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no SLIP line"))

        let long = try Self.run(["tqt", "parse", "--max-bytes", "100"], stdin: String(repeating: "chatter ", count: 20) + "\n")
        #expect(long.status == 1)
        #expect(long.stderr == "TQT error (too_long): a line is 160 bytes, longer than the limit of 100 (line 1)\n")
    }

    @Test func encodeTheModelCardExample() throws {
        let run = try Self.run(["encode", "Tell bob to review my authentication code", "--from", "alice"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("SLIP: SLIP v1 alice bob RequestReview"))
    }
}

/// `bench tokens --server-tokenizer` against a real llama.cpp server (gated like the LLM suites).
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["SLIPSTREAM_LLAMA_SERVER"] != nil,
        "set SLIPSTREAM_LLAMA_SERVER to a Python with scripts/llm/requirements.txt"))
struct ServerTokenCountTests {
    @Test func benchTokensCountsWithTheServersOwnTokenizer() throws {
        let python = ProcessInfo.processInfo.environment["SLIPSTREAM_LLAMA_SERVER"]!
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("tiny.gguf").path
        let make = Process()
        make.executableURL = URL(fileURLWithPath: python)
        make.arguments = [Repository.url("scripts/llm/make_tiny_gguf.py").path, model]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [Repository.url("scripts/llm/serve.py").path, model, "--port", "0", "--exit-on-eof"]
        let serverOut = Pipe()
        let serverIn = Pipe()
        server.standardOutput = serverOut
        server.standardInput = serverIn
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            try? serverIn.fileHandleForWriting.close()
            server.terminate()
            server.waitUntilExit()
        }
        var banner = ""
        while !banner.contains("\n") {
            let chunk = serverOut.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        let url = try #require(banner.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines))

        let dataset = directory.appendingPathComponent("rows.jsonl").path
        let rows = try String(contentsOf: SharedData.url("data/tqt-v1-train.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(5).joined(separator: "\n")
        try rows.write(toFile: dataset, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["bench", "tokens", "--dataset", dataset, "--server-tokenizer", "--llm-url", url, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(run.lines.first)
        #expect(report["tokenizer"] as? String == "server:slipstream")
        #expect(report["rows"] as? Int == 5)
    }
}
