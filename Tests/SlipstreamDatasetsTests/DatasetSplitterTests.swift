import SlipstreamDatasets
import SlipstreamTestSupport
import Testing

@Suite struct DatasetSplitterTests {
    /// Rows of the shipped v1 file: (line, text, anchor).
    static let shipped: [(line: Int, text: String, anchor: String)] = {
        guard let lines = try? SharedData.lines(SharedData.v1Train) else { return [] }
        return lines.enumerated().compactMap { index, line in
            guard let example = try? TQTExample(row: DatasetRow(jsonLine: line), line: index + 1) else { return nil }
            return (index + 1, example.text, example.anchor)
        }
    }()

    static func plan(
        _ rows: some Sequence<(line: Int, text: String, anchor: String)>, fraction: Double = 0.1, seed: UInt64 = 42
    ) throws
        -> SplitPlan
    {
        var splitter = try DatasetSplitter(testFraction: fraction, seed: seed)
        for row in rows { splitter.add(text: row.text, anchor: row.anchor, line: row.line) }
        return splitter.plan()
    }

    @Test func theSameSeedGivesTheSameSplitWhateverTheRowOrder() throws {
        #expect(Self.shipped.count == 1835)
        let plan = try Self.plan(Self.shipped)
        #expect(try Self.plan(Self.shipped.reversed()) == plan)
        #expect(try Self.plan(Self.shipped, seed: 7).testLines != plan.testLines)
        #expect(plan.testRows == 183 && plan.trainRows == 1652)
    }

    @Test func duplicateTextsNeverStraddleTheSplit() throws {
        let plan = try Self.plan(Self.shipped, fraction: 0.3)
        var sides: [String: Set<Bool>] = [:]
        for row in Self.shipped { sides[TextKey.normalize(row.text), default: []].insert(plan.isTest(line: row.line)) }
        #expect(sides.values.allSatisfy { $0.count == 1 })
        // The shipped file has 28 repeated texts, the most frequent on 41 rows.
        #expect(sides.count == 1835 - 84)
    }

    @Test func eachAnchorGivesItsShareToTheTestSet() throws {
        let rows = (1...200).map { (line: $0, text: "text \($0)", anchor: $0 % 4 == 0 ? "A" : "B") }
        let plan = try Self.plan(rows, fraction: 0.2)
        #expect(plan.strata == ["A": .init(train: 40, test: 10), "B": .init(train: 120, test: 30)])
        #expect(plan.testRows == 40)
    }

    @Test func aGroupTooLargeForTheShareStaysInTraining() throws {
        let rows = (1...10).map { (line: $0, text: $0 <= 5 ? "same" : "text \($0)", anchor: "A") }
        let plan = try Self.plan(rows, fraction: 0.3)
        #expect(plan.testRows == 3)
        #expect((1...5).allSatisfy { !plan.isTest(line: $0) })
    }

    @Test func fractionsOutsideZeroToOneAreRefused() throws {
        #expect(try Self.plan(Self.shipped, fraction: 0).testRows == 0)
        #expect(try Self.plan(Self.shipped, fraction: 1).trainRows == 0)
        for fraction in [-0.1, 1.5, Double.nan] {
            #expect(throws: DatasetError.self) { _ = try DatasetSplitter(testFraction: fraction, seed: 1) }
        }
    }
}
