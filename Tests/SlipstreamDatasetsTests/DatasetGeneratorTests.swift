import SlipstreamCore
import SlipstreamDatasets
import Testing

@Suite struct DatasetGeneratorTests {
    @Test(arguments: [WireVersion.v1, .v3])
    func everyDistinctRowPassesTheCheckWithoutAWarning(wire: WireVersion) throws {
        let prompt = "Wire format: SLIP \(wire.rawValue)"
        let generator = DatasetGenerator(wire: wire, seed: 42, systemPrompt: prompt)
        #expect(generator.distinctRows == 337)
        let rows = generator.rows(count: generator.distinctRows)
        var checker = DatasetChecker(configuration: .init(wire: wire))
        let problems = rows.enumerated().flatMap { checker.check($1.json.pythonLineText, number: $0 + 1) }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        var stats = DatasetStats()
        for row in rows { stats.add(row.json.pythonLineText) }
        #expect(stats.forces.count == 8)
        #expect(stats.anchors.count == 26 - 2)  // the three Fallback templates share one anchor
        #expect(stats.withQuantize == rows.count && stats.withThought == rows.count)
    }

    @Test func moreRowsThanDistinctOnesRepeatWithTheirAnchors() {
        let generator = DatasetGenerator(wire: .v3, seed: 1, systemPrompt: nil)
        let rows = generator.rows(count: 400)
        #expect(rows.count == 400)
        #expect(rows[337] == rows[0])
        var checker = DatasetChecker()
        for (index, row) in rows.enumerated() { _ = checker.check(row.json.pythonLineText, number: index + 1) }
        #expect(checker.summary.counts[.warning] == [.duplicateText: 63, .missingSystemPrompt: 400])
        #expect(checker.summary.passed)
    }

    @Test func theSeedFixesTheOrder() {
        let a = DatasetGenerator(wire: .v1, seed: 7, systemPrompt: nil).rows(count: 50)
        #expect(DatasetGenerator(wire: .v1, seed: 7, systemPrompt: nil).rows(count: 50) == a)
        #expect(DatasetGenerator(wire: .v1, seed: 8, systemPrompt: nil).rows(count: 50) != a)
    }

    @Test func fallbackRowsCarrySlipcoresRefOrTheText() throws {
        let v3 = DatasetGenerator(wire: .v3, seed: 3, systemPrompt: nil).rows(count: 337)
        let fallback = try #require(v3.first { $0.gpt?.contains("Fallback") == true })
        let human = try #require(fallback.human)
        // slipcore: "ref" + sha256(instruction).hexdigest()[:8]
        #expect(fallback.gpt?.hasSuffix("Fallback Generic ref\(SHA256.hexDigest(human).prefix(8))") == true)
        let v1 = DatasetGenerator(wire: .v1, seed: 3, systemPrompt: nil).rows(count: 337)
        #expect(v1.contains { $0.gpt?.hasSuffix("Fallback \"\($0.human ?? "")\"") == true })
        let none = DatasetGenerator(wire: .v3, seed: 3, systemPrompt: nil, includeFallbacks: false)
        #expect(none.rows(count: 400).allSatisfy { $0.gpt?.contains("Fallback") == false })
    }

    /// Generated rows go to the other version and back unchanged, with the training prompts swapped both
    /// ways; only v3 Fallback refs, whose texts no store holds, cannot come back.
    @Test(arguments: [WireVersion.v1, .v3])
    func generatedRowsSurviveARoundTripThroughTheOtherVersion(wire: WireVersion) async throws {
        let other: WireVersion = wire == .v1 ? .v3 : .v1
        let prompts: [WireVersion: String] = [.v1: "Wire format: SLIP v1", .v3: "Wire format: SLIP v3"]
        let store = InMemoryFallbackStore()
        let there = DatasetConverter(to: other, translator: Translator(store: store), systemPrompts: prompts)
        let back = DatasetConverter(to: wire, translator: Translator(store: store), systemPrompts: prompts)
        var (same, lossy) = (0, 0)
        for row in DatasetGenerator(wire: wire, seed: 9, systemPrompt: prompts[wire]).rows(count: 337) {
            let converted = try await there.convert(row)
            #expect(converted.row.system == prompts[other])
            let returned = try await back.convert(converted.row)
            if converted.losses.isEmpty, returned.losses.isEmpty {
                #expect(returned.row == row)
                same += 1
            } else {
                lossy += 1
            }
        }
        #expect(same + lossy == 337)
        #expect(lossy == (wire == .v3 ? 12 : 0))
    }
}
