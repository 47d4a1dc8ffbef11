#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the hub writes and bounds times: whole milliseconds in the stores, ISO 8601 in JSON, and
/// durations from outside (options, query strings, a server's answer) kept within range.
public enum HubTime {
    /// `date` in milliseconds since 1970 (to the nearest), as the stores keep a time.
    public static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// `date` in microseconds since 1970 (to the nearest), as the stores keep a sender's rate.
    public static func microseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The time `milliseconds` after 1970.
    public static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// `date` to the nearest millisecond.
    public static func rounded(_ date: Date) -> Date { Self.date(milliseconds: milliseconds(date)) }

    /// `2026-12-01T05:40:00.123Z`: UTC, to the millisecond.
    public static func iso8601(_ date: Date) -> String {
        let (seconds, fraction) = milliseconds(date).quotientAndRemainder(dividingBy: 1000)
        let whole = Date(timeIntervalSince1970: Double(fraction < 0 ? seconds - 1 : seconds)).formatted(Date.ISO8601FormatStyle())
        let digits = String((fraction + 1000) % 1000 + 1000).dropFirst()
        return whole.dropLast() + "." + digits + "Z"
    }

    /// The time an ISO 8601 text names (with or without a fraction), to the millisecond; nil when it names none.
    public static func date(iso8601 text: String) -> Date? {
        let parsed =
            (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
        return parsed.map(rounded)
    }

    /// `seconds` as a duration, to the millisecond above, within 0 s and a year (NaN: 0 s).
    public static func duration(seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        return .milliseconds(Int64((min(seconds, 31_536_000) * 1000).rounded(.up)))
    }

    /// `duration` in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
