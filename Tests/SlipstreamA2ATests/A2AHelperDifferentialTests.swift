import Foundation
import SlipstreamA2A
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// Runs slipcore 3.1.1's own SLIP-A2A helper (extensions/a2a-slipstream/v1/a2a_slipstream.py, fetched from the
/// sdist by scripts/a2a_slipstream_oracle.py) and requires the same ucrHash for the base v3 codebook and
/// extended ones, the same Agent Card entry, and messages built by either side read by the other with the
/// same fields (the helper's messages byte for byte the same as ours).
@Suite(.enabled(if: Repository.python != nil, "set SLIPSTREAM_PYTHON to a python that can pip download slipcore==3.1.1"))
struct A2AHelperDifferentialTests {
    static let oracle = Repository.url("scripts/a2a_slipstream_oracle.py").path

    static func helper(_ arguments: [String], input: String? = nil) throws -> [String] {
        try Subprocess.run(Repository.python!, [oracle] + arguments, input: input).split(separator: "\n").map(String.init)
    }

    /// The base v3 codebook, it with extensions (one with non-ASCII text, deprecated, out of index order), the
    /// v1 anchors in the 3.x layout, and the shared reference file.
    static func codebooks() throws -> [(String, UCR)] {
        var extended = UCR.v3
        try extended.addExtension(
            UCRAnchor(index: 0x8005, force: .observe, object: "Disk", canonical: "Disk pressure", coords: Coordinates(0, 3, 5, 5)))
        try extended.proposeExtension(force: .request, object: "Cafe", canonical: "Café — “naïve” 日本", coords: Coordinates(7, 0, 7, 0))
        try extended.transition(index: 0x8005, to: .deprecated)
        var v1 = UCR.v1
        v1.format = .v3
        var list = [("v3", UCR.v3), ("v3+extensions", extended), ("v1 anchors in the 3.x layout", v1)]
        let shared = SharedData.url("reference/ucr-v3.json").path
        if FileManager.default.fileExists(atPath: shared) { list.append(("ucr-v3.json", try UCR.load(contentsOf: shared))) }
        return list
    }

    @Test func theSameUCRHashAsTheHelperForTheBaseAndExtendedCodebooks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("a2a-ucr-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let codebooks = try Self.codebooks()
        var paths: [String] = []
        for (i, (_, ucr)) in codebooks.enumerated() {
            let path = folder.appendingPathComponent("ucr\(i).json").path
            try ucr.save(to: path)
            paths.append(path)
        }
        let hashes = try Self.helper(["hash"] + paths)
        #expect(hashes.count == codebooks.count)
        for ((name, ucr), theirs) in zip(codebooks, hashes) {
            #expect(SlipA2A.ucrHash(of: ucr) == theirs, "\(name)")
        }
        // The shared reference file is the base v3 codebook; the others differ.
        #expect(Set(hashes.prefix(3)).count == 3)
    }

    @Test func theSameAgentCardEntryAsTheHelper() throws {
        let hash = SlipA2A.ucrHash(of: .v3)
        let lines = try Self.helper(
            ["card"], input: "{\"ucr_version\":\"3.0.0\",\"ucr_hash\":\"\(hash)\"}\n{\"ucr_version\":\"3.0.0\",\"required\":true}\n")
        #expect(
            lines == [
                SlipA2AAgentExtension(ucr: .v3).json.compactText,
                SlipA2AAgentExtension(ucrVersion: "3.0.0", required: true).json.compactText,
            ])
    }

    /// One wire per v3 anchor, with 0-3 payload tokens (Fallbacks get a ref).
    static func wires() -> [SlipMessage] {
        UCR.v3.anchors.enumerated().map { i, anchor in
            SlipMessage.v3(
                src: "agent\(i)", dst: "peer", force: anchor.force, object: anchor.object,
                payload: (0..<(i % 4)).map { "tok\($0)x\(i)" }, fallbackRef: anchor.force == .fallback ? "ref\(i)" : nil)
        }
    }

    @Test func messagesTheHelperBuildsAreReadWithTheSameFieldsAndWrittenBackByteForByte() throws {
        let hash = SlipA2A.ucrHash(of: .v3)
        let wires = Self.wires()
        var input = ""
        for (i, wire) in wires.enumerated() {
            var item: [(String, JSONValue)] = [
                ("slip_wire", .string(wire.wire)), ("message_id", .string("id-\(i)")),
                ("role", .string(i % 2 == 0 ? "user" : "agent")), ("ucr_version", .string("3.0.0")),
                ("ucr_hash", .string(hash)),
            ]
            if i % 3 == 0 { item.append(("context_id", .string("ctx\(i)"))) }
            if i % 5 == 0 { item.append(("task_id", .string("task\(i)"))) }
            if i % 2 == 1 { item.append(("confidence", .double(Double(i % 10) / 10 + 0.05))) }
            input += JSONValue.object(item).compactText + "\n"
        }
        let lines = try Self.helper(["build"], input: input)
        #expect(lines.count == wires.count)
        for (i, (line, wire)) in zip(lines, wires).enumerated() {
            let message = try SlipA2AMessage.read(line, ucr: .v3)
            #expect(message.wire == wire)
            #expect(message.messageId == "id-\(i)")
            #expect(message.contextId == (i % 3 == 0 ? "ctx\(i)" : nil))
            #expect(message.taskId == (i % 5 == 0 ? "task\(i)" : nil))
            #expect(message.metadata?.ucrHash == hash)
            #expect(message.metadata?.ucrVersion == "3.0.0")
            #expect(message.metadata?.confidence == (i % 2 == 1 ? Double(i % 10) / 10 + 0.05 : nil))
            let ours = SlipA2AMessage(
                wire: wire, metadata: SlipA2AMetadata(ucr: .v3, confidence: message.metadata?.confidence), messageId: "id-\(i)",
                role: i % 2 == 0 ? "user" : "agent", contextId: message.contextId, taskId: message.taskId)
            #expect(ours.json.compactText == line)
        }
    }

    @Test func messagesWeBuildAreExtractedByTheHelperAsTheSameWire() throws {
        let wires = Self.wires()
        var input = ""
        for wire in wires {
            let message = SlipA2AMessage(
                wire: wire, metadata: SlipA2AMetadata(ucr: .v3), otherParts: [.object([("data", .object([("n", .int(1))]))])])
            input += message.json.compactText + "\n"
        }
        struct Extracted: Decodable { var wire: String? }
        let lines = try Self.helper(["extract"], input: input)
        #expect(lines.count == wires.count)
        for (line, wire) in zip(lines, wires) {
            #expect(try JSONDecoder().decode(Extracted.self, from: Data(line.utf8)).wire == wire.wire)
        }
    }
}
