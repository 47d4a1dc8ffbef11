import SlipstreamHub

/// Where a hub server listens and what it lets in; every limit has a default.
public struct HubServerConfiguration: Sendable {
    /// The address to listen on (default 127.0.0.1: this machine only).
    public var host: String
    /// The port (default 7600; 0 picks a free one).
    public var port: Int
    /// The hub's own limits (default: ``HubServerConfiguration/defaultRateLimit`` per sender).
    public var hub: HubConfiguration
    /// The admin token: when set, every route but `/v1/health` needs `Authorization: Bearer <token>` (with
    /// which a request may act as any agent) or an agent token of the store (``HubAgentToken``: that agent only).
    public var token: String?
    /// Whether every route but `/v1/health` needs an agent token of the store even without an admin
    /// ``token`` (`hub serve --agent-tokens`). With a ``token``, agent tokens are accepted anyway.
    public var agentTokens: Bool
    /// Largest request body, in bytes (default 1 MiB).
    public var maxBodyBytes: Int
    /// When set, the server speaks HTTPS with this certificate (default: plain HTTP).
    public var tls: TLS?

    /// A server's default rate: 50 messages a second per sender, 100 at once.
    public static let defaultRateLimit = HubConfiguration.RateLimit(messagesPerSecond: 50, burst: 100)

    public init(
        host: String = "127.0.0.1", port: Int = 7600, hub: HubConfiguration = HubConfiguration(rateLimit: defaultRateLimit),
        token: String? = nil, agentTokens: Bool = false, maxBodyBytes: Int = 1 << 20, tls: TLS? = nil
    ) {
        self.host = host
        self.port = port
        self.hub = hub
        self.token = token
        self.agentTokens = agentTokens
        self.maxBodyBytes = maxBodyBytes
        self.tls = tls
    }

    /// `https` with TLS, else `http`: the scheme of the server's URL.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Whether requests need a token (every route but `/v1/health`): with an admin ``token`` or ``agentTokens``.
    /// Else the server checks none, and any request may act as any agent.
    public var checksTokens: Bool { token != nil || agentTokens }

    /// Whether clients would send tokens in clear text across a network: tokens checked, no TLS, and a host
    /// other than this machine's loopback (`localhost`, `127.x.x.x`, `::1`). `slipstream hub serve`
    /// refuses to start so unless given `--allow-insecure`.
    public var exposesTokenInClearText: Bool { Self.exposesToken(checked: checksTokens, overTLS: tls != nil, on: host) }

    /// Whether a server on `host` that checks tokens (`checked`) sends them across a network in clear text:
    /// it checks them, does not serve TLS, and `host` is not this machine's loopback. The rule of
    /// ``exposesTokenInClearText``, for servers and options that are not a `HubServerConfiguration`.
    public static func exposesToken(checked: Bool, overTLS: Bool, on host: String) -> Bool {
        checked && !overTLS && !isLoopback(host)
    }

    /// Whether `host` is this machine's loopback (`localhost`, `127.x.x.x`, `::1`): other machines cannot
    /// reach a server listening there.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        return octets.count == 4 && !octets.contains(nil) && octets[0] == 127
    }
}
