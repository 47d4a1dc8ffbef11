import Foundation
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// Codebook files go both ways between slipcore 3.1.1 (from $SLIPSTREAM_PYTHON's environment) and this
/// library: the same anchors, content hash, nearest anchors and saved text, byte for byte.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"] != nil, "set SLIPSTREAM_PYTHON to a python with slipcore==3.1.1"))
struct UCRDifferentialTests {
    static let python = ProcessInfo.processInfo.environment["SLIPSTREAM_PYTHON"] ?? ""
    static let oracle = Repository.url("scripts/slipcore_ucr_oracle.py").path

    struct Made: Decodable {
        var hash: String
        /// Coordinates and the index of slipcore's nearest anchor: [a, b, c, d, index].
        var nearest: [[Int]]
    }

    struct Checked: Decodable {
        var hash: String
        var text: String
    }

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ucr-\(UUID()).json").path
    }

    @Test(arguments: [1, 2, 3])
    func aCodebookSlipcoreSavedLoadsWithTheSameHashNearestAnchorsAndText(seed: Int) throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try Subprocess.run(Self.python, [Self.oracle, "make", path, "--seed", "\(seed)"])
        let made = try JSONDecoder().decode(Made.self, from: Data(output.utf8))
        let ucr = try UCR.load(contentsOf: path)
        #expect(ucr.count == 45 + 60)
        #expect(ucr.contentHash() == made.hash)
        #expect(ucr.jsonText() == (try String(contentsOfFile: path, encoding: .utf8)))
        var wrong: [String] = []
        for entry in made.nearest {
            let found = try ucr.nearest(to: Coordinates(entry[0], entry[1], entry[2], entry[3])).index
            if found != entry[4] { wrong.append("\(entry.prefix(4)): \(found) vs \(entry[4])") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) nearest anchors differ, e.g. \(wrong.prefix(3))")
    }

    @Test func aCodebookSavedHereLoadsInSlipcoreAsTheSameCodebook() throws {
        var ucr = UCR.v3
        try ucr.proposeExtension(
            force: .ask, object: "Budget", canonical: "Ask about the \"budget\" \\ cost, é 日 😀\n", coords: Coordinates(2, 4, 5, 3),
            createdBy: "alice")
        try ucr.proposeExtension(force: .observe, object: "Disk", canonical: "Disk pressure", coords: Coordinates(0, 3, 5, 5))
        try ucr.transition(index: 0x8001, to: .deprecated, replacedBy: 0x8000)
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ucr.save(to: path)
        let checked = try JSONDecoder().decode(
            Checked.self, from: Data(try Subprocess.run(Self.python, [Self.oracle, "check", path]).utf8))
        #expect(checked.hash == ucr.contentHash())
        #expect(checked.text == ucr.jsonText())
    }
}
