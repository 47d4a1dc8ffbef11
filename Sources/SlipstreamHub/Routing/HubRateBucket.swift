#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One sender's token bucket under a ``HubConfiguration/RateLimit``, kept as the one number a store can
/// update atomically: the time at which the bucket is full again (the token bucket as GCRA keeps it).
///
/// A bucket full at or before `now` holds `burst` messages. Taking one moves the time on by one interval
/// (`1 / messagesPerSecond`), from `now` when the bucket was full; a message may be taken while the time is
/// at most `burst - 1` intervals ahead of `now`. Times are whole microseconds since 1970, so every store
/// does the same exact arithmetic (``HubStore/consumeRate(for:limit:now:)``).
///
/// ```swift
/// var bucket = HubRateBucket()
/// let now = Date()
/// let limit = HubConfiguration.RateLimit(messagesPerSecond: 10, burst: 2)
/// bucket.take(limit, at: now)  // nil: taken
/// bucket.take(limit, at: now)  // nil: taken
/// bucket.take(limit, at: now)  // 100 ms: refused, the bucket unchanged
/// ```
public struct HubRateBucket: Sendable, Hashable {
    /// When the bucket is full again, in microseconds since 1970.
    public var fullAt: Int64

    /// A bucket full again at `fullAt` (by default, a full bucket).
    public init(fullAt: Int64 = 0) {
        self.fullAt = fullAt
    }

    /// How long from `now` until a message can be taken; nil when one can now (or the limit is off).
    public func retryAfter(_ limit: HubConfiguration.RateLimit, at now: Date) -> Duration? {
        let microseconds = HubTime.microseconds(now)
        let ahead = max(fullAt, microseconds) - microseconds
        guard limit.isOn, ahead > limit.toleranceMicroseconds else { return nil }
        return HubTime.duration(seconds: Double(ahead - limit.toleranceMicroseconds) / 1_000_000)
    }

    /// Takes one message at `now`: nil when there was one (the bucket moves on), else how long until there is
    /// (the bucket is unchanged).
    public mutating func take(_ limit: HubConfiguration.RateLimit, at now: Date) -> Duration? {
        guard limit.isOn else { return nil }
        if let wait = retryAfter(limit, at: now) { return wait }
        let (moved, overflow) = max(fullAt, HubTime.microseconds(now)).addingReportingOverflow(limit.intervalMicroseconds)
        fullAt = overflow ? .max : moved
        return nil
    }
}

extension HubConfiguration.RateLimit {
    /// Microseconds between two messages at the rate: `1 / messagesPerSecond`, within 1 µs and a year.
    public var intervalMicroseconds: Int64 {
        guard isOn else { return 0 }
        return Int64(min(max((1_000_000 / messagesPerSecond).rounded(), 1), 31_536_000_000_000))
    }

    /// How far ahead of now a bucket's full time may be when a message is taken: `burst - 1` intervals (at
    /// most a century).
    public var toleranceMicroseconds: Int64 {
        guard isOn else { return 0 }
        return Int64(min(Double(max(1, burst) - 1) * Double(intervalMicroseconds), 3_153_600_000_000_000))
    }
}
