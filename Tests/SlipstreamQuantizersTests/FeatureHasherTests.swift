import Testing

@testable import SlipstreamQuantizers

@Suite struct FeatureHasherTests {
    @Test func featuresAreUnitLengthAndUnique() {
        let hasher = FeatureHasher(buckets: 1 << 12)
        let idf = [Float](repeating: 1, count: 1 << 12)
        let (buckets, values) = hasher.features(of: "Please review the auth module? The auth module!", idf: idf)
        #expect(Set(buckets).count == buckets.count)
        let norm = values.reduce(0) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 1e-4)
    }

    @Test func caseAndSpacingDoNotChangeFeatures() {
        let hasher = FeatureHasher(buckets: 1 << 12)
        let idf = [Float](repeating: 1, count: 1 << 12)
        #expect(hasher.features(of: "Review THE code", idf: idf) == hasher.features(of: "  review   the code ", idf: idf))
    }

    @Test(arguments: ["", "   ", "!!!", "\u{0}\u{1}", "🙂🙂", String(repeating: "a", count: 20_000)])
    func oddTextDoesNotCrash(_ text: String) {
        let hasher = FeatureHasher(buckets: 1 << 10)
        let idf = [Float](repeating: 1, count: 1 << 10)
        let (buckets, values) = hasher.features(of: text, idf: idf)
        #expect(buckets.count == values.count)
        #expect(values.allSatisfy { $0.isFinite })
    }
}
