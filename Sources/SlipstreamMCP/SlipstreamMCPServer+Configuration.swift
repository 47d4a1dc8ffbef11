import Logging
import SlipstreamCore
import SlipstreamHub
import SlipstreamStores
import SlipstreamTokenizers

extension SlipstreamMCPServer {
    /// What the server is called, where it keeps Fallback text, which hub it routes wires through, where it
    /// finds tokenizer files, its limits and its logger.
    public struct Configuration: Sendable {
        /// Size limits on tool arguments, in UTF-8 bytes.
        public struct Limits: Sendable, Hashable {
            /// The longest `text` (and agent ID) accepted by slip_encode and slip_tokens.
            public var maxTextBytes: Int
            /// The longest wire accepted (the wire parser's line limit): longer ones are `line_too_long`.
            public var maxWireBytes: Int
            /// The longest JSON-RPC message read on standard input: a longer one is dropped unread and
            /// answered with an error (`runOnStandardIO()`).
            public var maxMessageBytes: Int
            /// Most wires one slip_send call takes; more are an `invalid_argument` tool error.
            public var maxSendWires: Int

            /// Text and wire default to the core's line limit, 4 KiB; a message to 1 MiB; a send to 100 wires.
            public init(
                maxTextBytes: Int = WireParser.Configuration().maxLineBytes,
                maxWireBytes: Int = WireParser.Configuration().maxLineBytes,
                maxMessageBytes: Int = 1 << 20, maxSendWires: Int = 100
            ) {
                self.maxTextBytes = maxTextBytes
                self.maxWireBytes = maxWireBytes
                self.maxMessageBytes = maxMessageBytes
                self.maxSendWires = maxSendWires
            }
        }

        /// The server's name in the MCP handshake.
        public var name: String
        /// The server's version in the MCP handshake.
        public var version: String
        /// Where slip_translate and slip_encode (v3) keep the text behind Fallback refs.
        public var fallbackStore: StoreLocation
        /// The hub the tools slip_send, slip_receive, slip_ack, slip_join, slip_leave and slip_members use
        /// (default: the CLI's `hub.sqlite`, so `slipstream hub` sees the same mailboxes).
        public var hub: HubLocation
        /// The local hub's rules (profile, versions, line limit, rate limit, fetch size; `slipstream mcp` sets
        /// its line limit to `--max-wire-bytes`); its `maxWait` also caps slip_receive's `wait_seconds` on a
        /// hub server, which applies its own rules otherwise.
        public var hubConfiguration: HubConfiguration
        /// Where slip_tokens finds the rank files (`slipstream assets fetch` puts them there).
        public var assetCache: AssetCache
        public var limits: Limits
        /// How long a session whose client closed its side waits for the answers to the requests it read.
        public var drainLimit: Duration
        /// Where the server and its transport log (never standard output, which is the protocol).
        public var logger: Logger

        public init(
            name: String = "slipstream", version: String = "0.1.0", fallbackStore: StoreLocation = .cacheFile("fallback.sqlite"),
            hub: HubLocation = .store(.cacheFile("hub.sqlite")), hubConfiguration: HubConfiguration = HubConfiguration(),
            assetCache: AssetCache = .default, limits: Limits = Limits(), drainLimit: Duration = .seconds(30),
            logger: Logger = Logger(label: "slipstream.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.name = name
            self.version = version
            self.fallbackStore = fallbackStore
            self.hub = hub
            self.hubConfiguration = hubConfiguration
            self.assetCache = assetCache
            self.limits = limits
            self.drainLimit = drainLimit
            self.logger = logger
        }
    }
}
