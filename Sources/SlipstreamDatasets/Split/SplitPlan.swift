/// Which rows of a file go to the test set (see ``DatasetSplitter``).
public struct SplitPlan: Sendable, Hashable {
    /// Rows per stratum (anchor) in each part.
    public struct Stratum: Sendable, Hashable {
        public var train: Int
        public var test: Int

        public init(train: Int, test: Int) {
            self.train = train
            self.test = test
        }
    }

    /// The 1-based lines of the test rows.
    public var testLines: Set<Int>
    public var strata: [String: Stratum]

    public init(testLines: Set<Int>, strata: [String: Stratum]) {
        self.testLines = testLines
        self.strata = strata
    }

    /// Whether the row on `line` goes to the test set.
    public func isTest(line: Int) -> Bool { testLines.contains(line) }

    public var testRows: Int { testLines.count }
    public var trainRows: Int { strata.values.reduce(0) { $0 + $1.train } }
}
