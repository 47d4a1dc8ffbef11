import SlipstreamCore

/// Stratified k-fold assignment: each label's rows are shuffled with a seed and dealt to the folds in turn.
public enum StratifiedFolds {
    /// The fold (0..<k) of every row.
    public static func assign(labels: [String], folds k: Int, seed: UInt64) throws(QuantizerError) -> [Int] {
        guard k >= 2, k <= labels.count else {
            throw QuantizerError(.invalidTraining, "cannot split \(labels.count) rows into \(k) folds")
        }
        var rng = SplitMix64(seed: seed)
        var byLabel: [String: [Int]] = [:]
        for (i, label) in labels.enumerated() { byLabel[label, default: []].append(i) }
        var fold = [Int](repeating: 0, count: labels.count)
        var next = 0
        for label in byLabel.keys.sorted() {
            var rows = byLabel[label] ?? []
            // Fisher–Yates with the portable generator.
            var i = rows.count - 1
            while i > 0 {
                rows.swapAt(i, rng.below(i + 1))
                i -= 1
            }
            for row in rows {
                fold[row] = next % k
                next += 1
            }
        }
        return fold
    }
}
