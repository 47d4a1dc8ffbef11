import SlipstreamCore

/// What a ``Hub`` accepts and how much it hands out at once; every limit has a default.
///
/// ```swift
/// var configuration = HubConfiguration()
/// configuration.rateLimit = .init(messagesPerSecond: 20, burst: 40)
/// configuration.profile = .lenient  // accept what models emit; store the repaired wire
/// let hub = Hub(store: InMemoryHubStore(), configuration: configuration)
/// ```
public struct HubConfiguration: Sendable, Hashable {
    /// A token bucket per sender (the wire's `src`): `burst` messages at once, refilled at
    /// `messagesPerSecond`. A rate of 0 turns the limit off. The bucket is kept in the store
    /// (``HubStore/consumeRate(for:limit:now:)``), so every hub on one store shares it.
    public struct RateLimit: Sendable, Hashable {
        /// Messages per second a sender may keep sending; 0 = no limit.
        public var messagesPerSecond: Double
        /// Messages a sender may send at once after a pause (at least 1 when the limit is on).
        public var burst: Int

        public init(messagesPerSecond: Double, burst: Int) {
            self.messagesPerSecond = messagesPerSecond
            self.burst = burst
        }

        /// No limit.
        public static let off = RateLimit(messagesPerSecond: 0, burst: 0)

        /// Whether the limit is on (a rate above 0 and finite).
        public var isOn: Bool { messagesPerSecond > 0 && messagesPerSecond.isFinite }
    }

    /// The wire versions accepted (default both); a line of another version is refused with
    /// ``HubError/Code/versionNotAccepted``.
    public var versions: Set<WireVersion>
    /// `.strict` (the default) accepts exactly the grammar; `.lenient` accepts v1 lines the core can
    /// repair, stores the repaired (canonical) wire and reports the repairs in the receipt.
    public var profile: WireParser.Profile
    /// Longest line accepted, in UTF-8 bytes (default: the core parser's 4096).
    public var maxLineBytes: Int
    /// The codebook v1 anchors must belong to (default: the v1 codebook).
    public var v1Codebook: UCR
    /// The per-sender rate limit (default ``RateLimit/off``).
    public var rateLimit: RateLimit
    /// Most messages one receive returns (default 100); a larger `limit` is lowered to it.
    public var maxFetch: Int
    /// Longest a receive waits for a first message (default 30 s); a longer `wait` is shortened to it.
    public var maxWait: Duration
    /// Most unacknowledged messages one recipient's mailbox may hold (default ``defaultMaxPending``; 0 = no
    /// limit). A send that would put any of its recipients over it is refused for all of them with
    /// ``HubError/Code/mailboxFull``; the store checks and appends in one atomic step
    /// (``HubStore/append(_:to:maxPending:)``), so hubs sharing a store never overshoot it.
    public var maxPending: Int

    /// The default mailbox limit, 10,000 unacknowledged messages, for the library as for the command line:
    /// far more than an agent that reads has waiting, and a bound on what one that stopped reading costs
    /// the store. (Unlike the rate, which depends on the traffic, it refuses nothing a working agent sends.)
    public static let defaultMaxPending = 10_000

    public init(
        versions: Set<WireVersion> = Set(WireVersion.allCases), profile: WireParser.Profile = .strict,
        maxLineBytes: Int = WireParser.Configuration().maxLineBytes, v1Codebook: UCR = .v1, rateLimit: RateLimit = .off,
        maxFetch: Int = 100, maxWait: Duration = .seconds(30), maxPending: Int = defaultMaxPending
    ) {
        self.versions = versions
        self.profile = profile
        self.maxLineBytes = maxLineBytes
        self.v1Codebook = v1Codebook
        self.rateLimit = rateLimit
        self.maxFetch = maxFetch
        self.maxWait = maxWait
        self.maxPending = maxPending
    }

    /// The parser for these settings.
    var parser: WireParser {
        WireParser(profile: profile, configuration: WireParser.Configuration(maxLineBytes: maxLineBytes, v1Codebook: v1Codebook))
    }
}
