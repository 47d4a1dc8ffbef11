import SlipstreamCore

extension Distribution {
    /// `{count, min, p50, p90, p99, max, mean}`.
    public var json: JSONValue {
        .object([
            ("count", .int(count)), ("min", min.map(JSONValue.int) ?? .null), ("p50", percentile(0.5).map(JSONValue.int) ?? .null),
            ("p90", percentile(0.9).map(JSONValue.int) ?? .null), ("p99", percentile(0.99).map(JSONValue.int) ?? .null),
            ("max", max.map(JSONValue.int) ?? .null), ("mean", mean.map(JSONValue.double) ?? .null),
        ])
    }
}
