import SlipstreamCore
import SlipstreamHub
import SlipstreamQuantizers
import SlipstreamTokenizers

/// What the tools share for the life of a server: its configuration, the fallback store, the hub, the
/// session (which ends long waits), and the quantizers and tokenizers loaded so far.
struct ToolContext: Sendable {
    var configuration: SlipstreamMCPServer.Configuration
    var store: any FallbackStore
    var hub: any HubEndpoint
    var session: SessionLifetime
    let quantizers = OnceCache<String, any Quantizer>()
    let tokenizers = OnceCache<TokenizerName, Tokenizer>()

    /// The wire parser configuration: the server's wire limit, the standard codebooks.
    var parserConfiguration: WireParser.Configuration {
        WireParser.Configuration(maxLineBytes: configuration.limits.maxWireBytes)
    }

    /// Parses a wire argument (the lenient profile unless told), as the CLI's decode and translate do.
    func parse(_ wire: String, profile: WireParser.Profile = .lenient) throws -> SlipMessage {
        do {
            return try WireParser(profile: profile, configuration: parserConfiguration).parse(wire)
        } catch {
            throw SlipToolError(error, argument: "wire")
        }
    }
}
