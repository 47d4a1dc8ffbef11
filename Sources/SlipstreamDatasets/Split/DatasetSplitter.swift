import SlipstreamCore

/// Plans a deterministic train/test split, stratified by anchor and aware of duplicates: rows whose human
/// texts are the same after normalization (``TextKey``) form one group, and a group never straddles the
/// split.
///
/// Within each anchor's rows (a group counts under its first row's anchor), groups are ordered by a hash
/// of the seed and the text, and taken into the test set while they fit its share, so the plan depends
/// only on the seed and the texts, not on the order of the rows.
///
/// ```swift
/// var splitter = try DatasetSplitter(testFraction: 0.1, seed: 42)
/// for example in examples { splitter.add(text: example.text, anchor: example.anchor, line: example.line) }
/// let plan = splitter.plan()
/// plan.isTest(line: 7)
/// ```
public struct DatasetSplitter: Sendable {
    public let testFraction: Double
    public let seed: UInt64

    private struct Group {
        var stratum: String
        var lines: [Int]
    }

    private var groups: [UInt64: Group] = [:]

    public init(testFraction: Double, seed: UInt64) throws(DatasetError) {
        guard testFraction >= 0, testFraction <= 1, testFraction.isFinite else {
            throw DatasetError(.invalidArgument, "the test fraction must be between 0 and 1, not \(testFraction)")
        }
        self.testFraction = testFraction
        self.seed = seed
    }

    /// Adds the row on `line` with its human text and anchor.
    public mutating func add(text: String, anchor: String, line: Int) {
        groups[TextKey(text).normalized, default: Group(stratum: anchor, lines: [])].lines.append(line)
    }

    /// The split of the rows added so far.
    public func plan() -> SplitPlan {
        var byStratum: [String: [(order: UInt64, size: Int, lines: [Int])]] = [:]
        for (key, group) in groups {
            byStratum[group.stratum, default: []].append((order(key), group.lines.count, group.lines))
        }
        var testLines: Set<Int> = []
        var strata: [String: SplitPlan.Stratum] = [:]
        for (stratum, members) in byStratum {
            let total = members.reduce(0) { $0 + $1.size }
            let wanted = Int((testFraction * Double(total)).rounded())
            var taken = 0
            for member in members.sorted(by: { ($0.order, $0.lines[0]) < ($1.order, $1.lines[0]) }) where taken < wanted {
                guard taken + member.size <= wanted else { continue }
                taken += member.size
                testLines.formUnion(member.lines)
            }
            strata[stratum] = SplitPlan.Stratum(train: total - taken, test: taken)
        }
        return SplitPlan(testLines: testLines, strata: strata)
    }

    /// A group's place in its stratum: 64 bits of the SHA-256 of the seed and the text's key.
    private func order(_ key: UInt64) -> UInt64 {
        var bytes: [UInt8] = []
        for value in [seed, key] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return SHA256.digest(bytes).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
