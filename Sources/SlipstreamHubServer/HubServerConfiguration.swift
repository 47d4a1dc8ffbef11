import SlipstreamHub

/// Where a hub server listens and what it lets in; every limit has a default.
public struct HubServerConfiguration: Sendable {
    /// The address to listen on (default 127.0.0.1: this machine only).
    public var host: String
    /// The port (default 7600; 0 picks a free one).
    public var port: Int
    /// The hub's own limits (default: ``HubServerConfiguration/defaultRateLimit`` per sender).
    public var hub: HubConfiguration
    /// When set, every route but `/v1/health` needs `Authorization: Bearer <token>`.
    public var token: String?
    /// Largest request body, in bytes (default 1 MiB).
    public var maxBodyBytes: Int

    /// A server's default rate: 50 messages a second per sender, 100 at once.
    public static let defaultRateLimit = HubConfiguration.RateLimit(messagesPerSecond: 50, burst: 100)

    public init(
        host: String = "127.0.0.1", port: Int = 7600, hub: HubConfiguration = HubConfiguration(rateLimit: defaultRateLimit),
        token: String? = nil, maxBodyBytes: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.hub = hub
        self.token = token
        self.maxBodyBytes = maxBodyBytes
    }
}
