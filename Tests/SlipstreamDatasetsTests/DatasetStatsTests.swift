import SlipstreamCore
import SlipstreamDatasets
import SlipstreamTestSupport
import Testing

@Suite struct DatasetStatsTests {
    @Test func distributionsGiveNearestRankPercentiles() {
        var distribution = Distribution()
        for value in [5, 1, 3, 2, 4, 4, 10, 1, 1, 9] { distribution.add(value) }
        #expect(distribution.min == 1 && distribution.max == 10)
        #expect(distribution.percentile(0.5) == 3)
        #expect(distribution.percentile(0.9) == 9)
        #expect(distribution.percentile(1) == 10)
        #expect(distribution.mean == 4)
        #expect(Distribution().percentile(0.5) == nil)
    }

    @Test func countsRowsAnchorsForcesAndTokens() {
        var stats = DatasetStats(tokenCounter: { $0.split(separator: " ").count })
        let rows = [
            DatasetRow(system: "S", human: "a", gpt: "THOUGHT: t\nSLIP: SLIP v1 a b RequestTask x y"),
            DatasetRow(system: "S", human: "b", gpt: "SLIP: SLIP v1 a b Fallback \"some text\""),
            DatasetRow(layout: .chat, system: nil, human: "A!", gpt: "SLIP: SLIP v3 a b Request Task x"),
        ]
        for row in rows { stats.add(row.json.pythonLineText) }
        stats.add("not json")
        stats.add("  ")
        #expect(stats.rows == 4 && stats.unreadableRows == 1)
        #expect(stats.anchors == ["RequestTask": 1, "Fallback": 1, "Request Task": 1])
        #expect(stats.forces == [.request: 2, .fallback: 1])
        #expect(stats.versions == [.v1: 2, .v3: 1])
        #expect(stats.layouts == [.shareGPT: 2, .chat: 1])
        #expect(stats.fallbackShare == 1.0 / 3)
        #expect(stats.withThought == 1)
        #expect(stats.duplicateTexts == 1)
        #expect(stats.distinctSystemPrompts == 1)
        #expect(stats.payloadTokens.histogram == [2: 1, 1: 2])
        #expect(stats.turnTokens[.system]?.count == 2)
        #expect(stats.turnTokens[.human]?.count == 3)
        #expect(stats.wireTokens.max == 7)
    }

    @Test func measuresTheShippedFile() throws {
        var stats = DatasetStats()
        for line in try SharedData.lines(SharedData.v1Train) { stats.add(line) }
        #expect(stats.rows == 1835 && stats.unreadableRows == 0)
        #expect(stats.anchors.count == 19)
        #expect(stats.anchors["RequestTask"] == 191)
        #expect(stats.forces[.fallback] == 147)
        #expect(stats.withQuantize == 1431)
        #expect(stats.repairedWires == 639)
        #expect(stats.distinctSystemPrompts == 1)
        #expect(!stats.countsTokens && stats.turnTokens.isEmpty)
    }
}
