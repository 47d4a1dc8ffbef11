import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream data …`: the commands' output, exit statuses and files, run through the binary.
@Suite struct DataCLITests {
    static let shared = SharedData.url("data")
    static let v1Train = shared.appendingPathComponent("tqt-v1-train.jsonl").path
    static let v3Train = shared.appendingPathComponent("tqt-v3-train.jsonl").path

    static let prompt = "Wire format: SLIP v1 <src> <dst> <anchor> [payload...]"

    /// A ShareGPT row.
    static func row(_ human: String, _ gpt: String, system: String = prompt) -> String {
        let turns: [[String: String]] = [
            ["from": "system", "value": system], ["from": "human", "value": human], ["from": "gpt", "value": gpt],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: ["conversations": turns], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A new empty folder for one test's files.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-data-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `lines` to a file in `folder`.
    static func file(_ lines: [String], in folder: URL, name: String = "rows.jsonl") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkNamesEachProblemsLineAndFailsOnErrors() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.file(
            [
                Self.row("Review my code", "SLIP: SLIP v1 alice bob RequestReview auth_module"),
                "not json",
                Self.row("Review my code", "SLIP: SLIP v1 alice bob RequestHelp auth_module"),
                Self.row("Ship it", "SLIP: SLIP v1 a b RequestTask x:y"),
            ], in: folder)
        let run = try CLITests.run(["data", "check", "--json", path])
        #expect(run.status == 1)
        let objects = run.lines
        let problems = objects.dropLast()
        #expect(problems.map { $0["line"] as? Int } == [2, 3, 4])
        #expect(problems.map { $0["code"] as? String } == ["not_json", "conflicting_duplicate", "wire_not_strict"])
        #expect(problems[2]["repairedWire"] as? String == "SLIP v1 a b RequestTask x y")
        #expect(problems[1]["firstLine"] as? Int == 1)
        let summary = try #require(objects.last?["summary"] as? [String: Any])
        #expect(summary["rows"] as? Int == 4)
        #expect(summary["errors"] as? Int == 3)
        #expect(summary["cleanRows"] as? Int == 1)

        let text = try CLITests.run(["data", "check", path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("\(path):2: error: the line is not JSON"))
        #expect(text.stdout.contains("\(path): 4 rows: 1 clean, 3 with errors, 0 with warnings only; 3 errors, 0 warnings"))
    }

    @Test func checkPassesWithWarningsOnlyAndLenientRepairs() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.file(
            [Self.row("Ship it", "SLIP: SLIP v1 a b RequestTask x:y"), Self.row("Ship it", "SLIP: SLIP v1 a b RequestTask z")], in: folder)
        let run = try CLITests.run(["data", "check", "--lenient", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("warnings: duplicate_text 1, wire_not_strict 1"))
        #expect(try CLITests.run(["data", "check", "--wire", "v3", "--lenient", path]).status == 1)
    }

    @Test func checkRefusesAnOverlongRowAndReadsTheNext() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = Self.row(String(repeating: "x", count: 5000), "SLIP: SLIP v1 a b MetaAck")
        let path = try Self.file([long, Self.row("ok", "SLIP: SLIP v1 a b MetaAck")], in: folder)
        let run = try CLITests.run(["data", "check", "--json", "--max-line-bytes", "4096", path])
        #expect(run.status == 1)
        #expect(run.lines.first?["code"] as? String == "line_too_long")
        #expect((run.lines.last?["summary"] as? [String: Any])?["rows"] as? Int == 2)
    }

    @Test func checkReportsAMissingFile() throws {
        let run = try CLITests.run(["data", "check", "/nonexistent/rows.jsonl"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot open \"/nonexistent/rows.jsonl\""))
    }

    @Test func checkReadsStandardInput() throws {
        let run = try CLITests.run(["data", "check", "-"], stdin: Self.row("hi", "SLIP: SLIP v1 a b MetaAck") + "\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("stdin: 1 rows: 1 clean"))
    }

    @Test func checkOnTheShippedFilesFindsTheNonStrictWires() throws {
        let v1 = try CLITests.run(["data", "check", "--json", "--wire", "v1", Self.v1Train])
        #expect(v1.status == 1)
        let summary = try #require(v1.lines.last?["summary"] as? [String: Any])
        #expect((summary["counts"] as? [String: [String: Int]])?["error"] == ["wire_not_strict": 639])
        let lenient = try CLITests.run(["data", "check", "--lenient", "--quiet", Self.v1Train])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.split(separator: "\n").count == 2)
        #expect(lenient.stdout.hasPrefix("\(Self.v1Train): 1835 rows: 1145 clean, 0 with errors, 690 with warnings only"))
    }

    @Test func statsDescribesTheShippedFile() throws {
        let run = try CLITests.run(["data", "stats", "--json", "--no-tokens", Self.v1Train])
        #expect(run.status == 0)
        let stats = try #require(run.lines.first)
        #expect(stats["rows"] as? Int == 1835)
        #expect((stats["anchors"] as? [String: Int])?["RequestTask"] == 191)
        #expect((stats["forces"] as? [String: Int])?["Fallback"] == 147)
        #expect(stats["tokenNote"] as? String == "token counts not measured (--no-tokens)")
        let distributions = try #require(stats["distributions"] as? [String: [String: Any]])
        #expect(distributions["wireBytes"]?["max"] as? Int == 199)
        #expect(distributions["humanTokens"] == nil)
    }

    @Test func statsSaysWhenTokensCannotBeCounted() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLITests.run(
            ["data", "stats", Self.v1Train], environment: ["SLIPSTREAM_CACHE_DIR": folder.appendingPathComponent("empty").path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("token counts not measured: the cl100k_base rank file is not in the asset cache"))
    }

    @Test func convertWritesRowsOfTheTargetVersionAndReportsLossesPerRow() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.file(
            [
                Self.row(
                    "Plan it",
                    "QUANTIZE: [ACTION=request | DOMAIN=plan | URGENCY=elevated | POLARITY=neutral] -> RequestPlan\nSLIP: SLIP v1 pm planner RequestPlan x:y"
                ),
                Self.row("Nothing", "THOUGHT: no wire"),
            ], in: folder)
        let run = try CLITests.run(["data", "convert", "--to", "v3", "--fallback-store", ":memory:", path])
        #expect(run.status == 1)
        let rows = run.lines
        #expect(rows.count == 1)
        let turns = try #require(rows.first?["conversations"] as? [[String: String]])
        #expect(turns.map { $0["from"] } == ["system", "human", "gpt"])
        #expect(turns[0]["value"]?.contains("SLIP v3 <src> <dst> <Force> <Object>") == true)
        #expect(turns[2]["value"] == "QUANTIZE: Force=Request Object=Plan\nSLIP: SLIP v3 pm planner Request Plan x y")
        #expect(run.stderr.contains("\(path):1: the source wire was repaired first: split_token"))
        #expect(run.stderr.contains("\(path):2: not converted: the gpt turn is not a usable TQT record"))
        #expect(run.stderr.contains("\(path): 1 of 2 rows converted to v3, 1 with losses, 1 failed"))
    }

    @Test func theConvertedShippedFilePassesTheStrictV3Check() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = try CLITests.run(["data", "convert", "--to", "v3", "--fallback-store", ":memory:", Self.v1Train])
        #expect(converted.status == 0)
        let path = try Self.file([converted.stdout.trimmingCharacters(in: .newlines)], in: folder)
        let check = try CLITests.run(["data", "check", "--json", "--wire", "v3", path])
        #expect(check.status == 0)
        let summary = try #require(check.lines.last?["summary"] as? [String: Any])
        #expect(summary["rows"] as? Int == 1835)
        #expect((summary["counts"] as? [String: [String: Int]])?["error"] == [:])
    }

    @Test func splitWritesTwoFilesThatPartitionTheRowsTheSameWayEveryRun() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (train, test) = (folder.appendingPathComponent("train.jsonl").path, folder.appendingPathComponent("test.jsonl").path)
        let arguments = ["data", "split", Self.v1Train, "--test-fraction", "0.1", "--seed", "42", "--train-out", train, "--test-out", test]
        let run = try CLITests.run(arguments + ["--json"])
        #expect(run.status == 0)
        let summary = try #require(run.lines.first)
        #expect(summary["train"] as? Int == 1652 && summary["test"] as? Int == 183)
        #expect((summary["strata"] as? [String: [String: Int]])?["RequestTask"] == ["train": 172, "test": 19])
        let trainRows = try SharedLines.read(train)
        let testRows = try SharedLines.read(test)
        #expect(trainRows.count == 1652 && testRows.count == 183)
        #expect(Set(trainRows).isDisjoint(with: testRows))
        #expect((trainRows + testRows).sorted() == (try SharedLines.read(Self.v1Train)).sorted())

        let leaks = try CLITests.run(["data", "check", "--json", "--quiet", "--lenient", test, "--against", train])
        #expect(leaks.status == 0)
        #expect((leaks.lines.last?["summary"] as? [String: Any])?["errors"] as? Int == 0)
        let leaked = try CLITests.run(["data", "check", "--quiet", "--lenient", Self.v1Train, "--against", train])
        #expect(leaked.status == 1)
        #expect(leaked.stdout.contains("errors: leaked_text 1652"))

        let again = try CLITests.run(arguments)
        #expect(again.status == 0)
        #expect(try SharedLines.read(test) == testRows)
        #expect(again.stdout.contains("1835 rows: 1652 to \(train), 183 to \(test) (19 anchors, seed 42)"))
    }

    @Test func splitRefusesStdinAndUnusableRows() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (train, test) = (folder.appendingPathComponent("a").path, folder.appendingPathComponent("b").path)
        let stdin = try CLITests.run(["data", "split", "-", "--train-out", train, "--test-out", test])
        #expect(stdin.status != 0)
        #expect(stdin.stderr.contains("give a file, not stdin"))
        let path = try Self.file([Self.row("ok", "SLIP: SLIP v1 a b MetaAck"), "{}"], in: folder)
        let alias = folder.appendingPathComponent("alias.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: path)
        let sameFile = try CLITests.run(["data", "split", path, "--train-out", alias, "--test-out", test])
        #expect(sameFile.status != 0)
        #expect(sameFile.stderr.contains("must be three different files"))
        #expect(try SharedLines.read(path).count == 2)
        let bad = try CLITests.run(["data", "split", path, "--train-out", train, "--test-out", test])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("1 rows cannot be split (first: line 2:"))
    }

    @Test func exportWritesEachFormatsShape() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.file(
            [Self.row("Review it", "THOUGHT: bob should\nSLIP: SLIP v1 alice bob RequestReview auth_module")], in: folder)
        let shapes: [String: [String]] = [
            "sharegpt": ["conversations"], "sharegpt_thought": ["conversations"], "sharegpt_semantics": ["conversations"],
            "chat": ["messages"], "alpaca": ["input", "instruction", "output"],
        ]
        for (format, keys) in shapes {
            let run = try CLITests.run(["data", "export", "--format", format, path])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.lines.first.map { $0.keys.sorted() } == keys, "\(format)")
        }
        let alpaca = try CLITests.run(["data", "export", "--format", "alpaca", path])
        #expect(
            alpaca.stdout
                == #"{"instruction": "Communicate using Slipstream v1 protocol: Review it", "input": "", "output": "SLIP v1 alice bob RequestReview auth_module"}"#
                + "\n")
        let semantics = try CLITests.run(["data", "export", "--format", "sharegpt_semantics", path])
        let turns = try #require(semantics.lines.first?["conversations"] as? [[String: String]])
        #expect(turns[0]["value"] == Self.prompt)
        #expect(
            turns[2]["value"]
                == "THOUGHT: bob should\nQUANTIZE: [ACTION=request | DOMAIN=evaluation | URGENCY=normal | POLARITY=neutral] -> RequestReview\n"
                + "SLIP: SLIP v1 alice bob RequestReview auth_module")
    }

    @Test func exportTakesASystemPromptFileAndReportsUnusableRows() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.file([Self.row("Ack", "SLIP: SLIP v1 a b MetaAck"), Self.row("Nothing", "no wire here")], in: folder)
        let prompt = folder.appendingPathComponent("prompt.txt").path
        try "Speak SLIP.".write(toFile: prompt, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["data", "export", "--format", "chat", "--system-prompt-file", prompt, path])
        #expect(run.status == 1)
        let messages = try #require(run.lines.first?["messages"] as? [[String: String]])
        #expect(
            messages == [
                ["role": "system", "content": "Speak SLIP."], ["role": "user", "content": "Ack"],
                ["role": "assistant", "content": "SLIP v1 a b MetaAck"],
            ])
        #expect(run.lines.count == 1)
        #expect(run.stderr.contains("\(path):2: not exported: the gpt turn is not a usable TQT record"))
    }

    /// `data check` streams: 100 MB of rows (10,000 rows of 10 KB, distinct human texts) go through it while its
    /// resident memory stays far below the input's size (peak read before the pipe closes, as in
    /// `aHundredMegabytesStreamThroughValidateInBoundedMemory`).
    @Test func aHundredMegabytesOfRowsStreamThroughCheckInBoundedMemory() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["data", "check", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The bulk is in the system prompts, which check reads but does not hash.
        let filler = String(repeating: "Wire format: SLIP v1 <src> <dst> <anchor>. ", count: 230)
        for chunk in 0..<100 {
            var text = ""
            for row in 0..<100 {
                let gpt = "THOUGHT: review\nSLIP: SLIP v1 alice bob RequestReview auth_module"
                text += Self.row("review module \(chunk * 100 + row)", gpt, system: filler) + "\n"
            }
            input.fileHandleForWriting.write(Data(text.utf8))
        }
        let peakKB = CLITests.peakResidentKB(of: process.processIdentifier)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let peak = try #require(peakKB)
        #expect(peak < 64 * 1024, "data check peaked at \(peak) KB on 100 MB of input")
    }

    @Test func generatedRowsPassTheCheck() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for wire in ["v1", "v3"] {
            let generated = try CLITests.run(["data", "generate", "-n", "300", "--seed", "5", "--wire", wire])
            #expect(generated.status == 0)
            #expect(generated.lines.count == 300)
            let path = try Self.file([generated.stdout.trimmingCharacters(in: .newlines)], in: folder, name: "\(wire).jsonl")
            let check = try CLITests.run(["data", "check", "--wire", wire, path])
            #expect(check.status == 0)
            #expect(check.stdout.contains("300 rows: 300 clean"))
        }
        let many = try CLITests.run(["data", "generate", "-n", "400"])
        #expect(many.lines.count == 400)
        #expect(many.stderr.contains("400 rows from 337 distinct ones: rows repeat"))
    }

    @Test func anEmptyFileFailsTheCheck() throws {
        let run = try CLITests.run(["data", "check", "-"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("stdin:0: error: the file has no rows [no_rows]"))
    }

    /// The cl100k_base rank file in the asset cache ($SLIPSTREAM_CACHE_DIR, which scripts/test.sh fills).
    static let cl100k: String? = ProcessInfo.processInfo.environment["SLIPSTREAM_CACHE_DIR"].map {
        URL(fileURLWithPath: $0).appendingPathComponent("tokenizers/cl100k_base.tiktoken").path
    }

    /// The totals are tiktoken's own for the same file (measured with tiktoken 0.14 on the same rank file).
    @Test(.enabled(if: cl100k.map { FileManager.default.fileExists(atPath: $0) } ?? false, "needs the cl100k_base rank file"))
    func statsCountsEachTurnsTokensAsTiktokenDoes() throws {
        let run = try CLITests.run(["data", "stats", "--json", Self.v1Train])
        #expect(run.status == 0)
        let stats = try #require(run.lines.first)
        #expect(stats["tokenizer"] as? String == "cl100k_base")
        let distributions = try #require(stats["distributions"] as? [String: [String: Any]])
        func total(_ name: String) -> Int? {
            guard let mean = distributions[name]?["mean"] as? Double, let count = distributions[name]?["count"] as? Int else { return nil }
            return Int((mean * Double(count)).rounded())
        }
        #expect(distributions["systemTokens"]?["max"] as? Int == 129)
        #expect(total("humanTokens") == 28_576)
        #expect(total("gptTokens") == 122_284)
    }

    @Test func convertingAShippedFileToItsOwnVersionGivesItsBytesBack() throws {
        for (path, version) in [(Self.v1Train, "v1"), (Self.v3Train, "v3")] {
            let run = try CLITests.run(["data", "convert", "--to", version, "--fallback-store", ":memory:", path])
            #expect(run.status == 0)
            #expect(run.stdout == (try String(contentsOfFile: path, encoding: .utf8)), "\(path)")
        }
    }

    @Test func convertThenExportMakeSlipcoresChatRowsFromTheV1File() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = try CLITests.run(["data", "convert", "--to", "v3", "--fallback-store", ":memory:", Self.v1Train])
        // Through a file: CLITests.run writes all of stdin before it reads stdout.
        let path = try Self.file([converted.stdout.trimmingCharacters(in: .newlines)], in: folder)
        let chat = try CLITests.run(["data", "export", "--format", "chat", path])
        #expect(chat.status == 0)
        let rows = chat.lines
        #expect(rows.count == 1835)
        let first = try #require(rows.first?["messages"] as? [[String: String]])
        #expect(first.map { $0["role"] } == ["system", "user", "assistant"])
        #expect(first[2]["content"] == "SLIP v3 productManager plannerAgent Request Plan featureXRelease timeline resourceAllocation")
    }
}

/// The non-empty lines of a file.
enum SharedLines {
    static func read(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
