/// A distribution of small non-negative integers (bytes, tokens), kept as a histogram: exact
/// percentiles in memory bounded by the number of distinct values.
public struct Distribution: Sendable, Hashable {
    /// How many times each value was added.
    public private(set) var histogram: [Int: Int] = [:]
    public private(set) var count = 0
    public private(set) var sum = 0

    public init() {}

    public mutating func add(_ value: Int) {
        histogram[value, default: 0] += 1
        count += 1
        sum += value
    }

    public var min: Int? { histogram.keys.min() }
    public var max: Int? { histogram.keys.max() }
    public var mean: Double? { count == 0 ? nil : Double(sum) / Double(count) }

    /// The smallest value with at least `fraction` of the values at or below it (nearest rank;
    /// `percentile(0.5)` is the median).
    public func percentile(_ fraction: Double) -> Int? {
        guard count > 0 else { return nil }
        let rank = Swift.max(1, Int((fraction * Double(count)).rounded(.up)))
        var seen = 0
        for value in histogram.keys.sorted() {
            seen += histogram[value] ?? 0
            if seen >= rank { return value }
        }
        return max
    }
}
