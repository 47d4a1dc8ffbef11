import Synchronization

/// Token buckets per sender for ``HubConfiguration/RateLimit``; the times come from the caller, so
/// the arithmetic is tested without clocks.
public final class HubRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    public let limit: HubConfiguration.RateLimit
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Senders tracked before full buckets are forgotten (a full bucket is the same as none).
    private let maxTracked = 10_000

    public init(_ limit: HubConfiguration.RateLimit) {
        self.limit = limit
    }

    /// Takes one token from `sender`'s bucket at `now`: nil when there was one, else how long until
    /// there is.
    public func take(_ sender: String, at now: ContinuousClock.Instant) -> Duration? {
        guard limit.isOn else { return nil }
        let capacity = Double(max(1, limit.burst))
        return buckets.withLock { buckets in
            var bucket = buckets[sender] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = max(0, HubTime.seconds(now - bucket.updated))
            bucket.tokens = min(capacity, bucket.tokens + elapsed * limit.messagesPerSecond)
            bucket.updated = max(bucket.updated, now)
            defer {
                if buckets.count > maxTracked { buckets = buckets.filter { $0.value.tokens < capacity } }
                buckets[sender] = bucket
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return HubTime.duration(seconds: (1 - bucket.tokens) / limit.messagesPerSecond)
        }
    }

}
