/// Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of a labelling.
public struct ClassificationMetrics: Sendable, Hashable {
    /// `confusion[truth][predicted]`.
    public var confusion: [[Int]]

    public init(truth: [Int], predicted: [Int], classes: Int) {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (t, p) in zip(truth, predicted) where t >= 0 && t < classes && p >= 0 && p < classes {
            confusion[t][p] += 1
        }
        self.confusion = confusion
    }

    public var total: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }

    public var accuracy: Double {
        let right = confusion.indices.reduce(0) { $0 + confusion[$1][$1] }
        return total == 0 ? 0 : Double(right) / Double(total)
    }

    /// Rows that truly belong to `c`.
    public func support(_ c: Int) -> Int { confusion[c].reduce(0, +) }
    /// Rows predicted as `c`.
    public func predictedCount(_ c: Int) -> Int { confusion.reduce(0) { $0 + $1[c] } }

    public func precision(_ c: Int) -> Double {
        let n = predictedCount(c)
        return n == 0 ? 0 : Double(confusion[c][c]) / Double(n)
    }

    public func recall(_ c: Int) -> Double {
        let n = support(c)
        return n == 0 ? 0 : Double(confusion[c][c]) / Double(n)
    }

    public func f1(_ c: Int) -> Double {
        let p = precision(c)
        let r = recall(c)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The mean F1 over classes that occur in the truth (scikit-learn's macro average over the labels
    /// present).
    public var macroF1: Double {
        let present = confusion.indices.filter { support($0) > 0 }
        guard !present.isEmpty else { return 0 }
        return present.reduce(0) { $0 + f1($1) } / Double(present.count)
    }
}
