import SlipstreamCore

/// What a quantizer knows besides the text: who sends, who receives, which wire and codebook.
public struct QuantizationContext: Sendable {
    /// The sender's agent ID (normalized to a strict token when the wire is built).
    public var src: String
    /// The receiver's agent ID; when nil the engine looks for one in the text ("Tell bob to …") and
    /// otherwise uses ``defaultDestination``.
    public var dst: String?
    /// The receiver used when neither ``dst`` nor the text names one.
    public var defaultDestination: String
    /// The wire version to emit.
    public var version: WireVersion
    /// The v1 codebook anchors are looked up in.
    public var codebook: UCR
    /// Where v3 Fallback text goes; nil uses the content-addressed ref without storing the text.
    public var fallbackStore: (any FallbackStore)?
    /// How many alternatives to report (besides the chosen anchor).
    public var alternatives: Int

    public init(
        src: String, dst: String? = nil, defaultDestination: String = "agent", version: WireVersion = .v1,
        codebook: UCR = .v1, fallbackStore: (any FallbackStore)? = nil, alternatives: Int = 3
    ) {
        self.src = src
        self.dst = dst
        self.defaultDestination = defaultDestination
        self.version = version
        self.codebook = codebook
        self.fallbackStore = fallbackStore
        self.alternatives = alternatives
    }
}
