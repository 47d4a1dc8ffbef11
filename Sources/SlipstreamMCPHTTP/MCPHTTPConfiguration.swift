import SlipstreamHubServer

/// How `slipstream mcp --http` serves MCP's Streamable HTTP transport: where, to whom and within what
/// limits.
public struct MCPHTTPConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1`: this machine only).
    public var host: String
    /// The port to listen on (0: any free port).
    public var port: Int
    /// The endpoint's path.
    public var path: String
    /// The admin bearer token (`Authorization: Bearer <token>`): its sessions' hub tools act as any agent.
    public var token: String?
    /// Whether a request may carry a hub agent token (`slipstream hub token issue`) instead: its session's
    /// hub tools act only as that agent. Needs a hub store.
    public var agentTokens: Bool
    /// HTTPS: the server's certificate chain and key.
    public var tls: HubServerConfiguration.TLS?
    /// Most sessions open at once; an `initialize` beyond them is refused with HTTP 503.
    public var maxSessions: Int
    /// How long a session may go without a request before it is closed (its id then answers 404).
    public var sessionIdleTimeout: Duration
    /// Longest request body, in bytes; a longer one is refused with HTTP 413.
    public var maxBodyBytes: Int

    public init(
        host: String = "127.0.0.1", port: Int = 7700, path: String = "/mcp", token: String? = nil, agentTokens: Bool = false,
        tls: HubServerConfiguration.TLS? = nil, maxSessions: Int = 100, sessionIdleTimeout: Duration = .seconds(1800),
        maxBodyBytes: Int = 4 << 20
    ) {
        self.host = host
        self.port = port
        self.path = path
        self.token = token
        self.agentTokens = agentTokens
        self.tls = tls
        self.maxSessions = maxSessions
        self.sessionIdleTimeout = sessionIdleTimeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// Whether requests need a token: ``token`` or ``agentTokens``. Else any request is served, as the admin.
    public var checksTokens: Bool { token != nil || agentTokens }

    /// `https` with TLS, else `http`.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Whether ``host`` is this machine's loopback (`localhost`, `127.x.x.x`, `::1`): only then are the
    /// `Host` and `Origin` headers checked against it, against DNS rebinding from a browser.
    public var isLoopback: Bool { HubServerConfiguration.isLoopback(host) }

    /// Whether clients would send tokens in clear text across a network: tokens checked, no TLS, and a host
    /// other than the loopback. `slipstream mcp --http` refuses to start so unless given `--allow-insecure`.
    public var exposesTokenInClearText: Bool {
        HubServerConfiguration.exposesToken(checked: checksTokens, overTLS: tls != nil, on: host)
    }
}
