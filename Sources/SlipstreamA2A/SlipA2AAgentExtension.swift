import SlipstreamCore

/// The Agent Card's `capabilities.extensions[]` entry declaring SLIP-A2A (a2a_slipstream.py's
/// `build_agentcard_extension`): uri, description, required, params{slipVersion, ucrVersion, ucrHash,
/// preferredInputMode}.
public struct SlipA2AAgentExtension: Sendable, Hashable {
    /// a2a_slipstream.py's default description.
    public static let defaultDescription =
        "Accepts Slipstream wire text in Message.parts[].text using Force-Object factorized intents."

    public var description: String
    /// Whether clients must use the extension; the spec says it SHOULD stay false.
    public var required: Bool
    public var ucrVersion: String?
    public var ucrHash: String?

    public init(
        ucrVersion: String? = nil, ucrHash: String? = nil, required: Bool = false, description: String = Self.defaultDescription
    ) {
        self.ucrVersion = ucrVersion
        self.ucrHash = ucrHash
        self.required = required
        self.description = description
    }

    /// The declaration for a codebook: its `ucrVersion` and ``SlipA2A/ucrHash(of:)``.
    public init(ucr: UCR, required: Bool = false) {
        self.init(ucrVersion: ucr.authority.ucrVersion, ucrHash: SlipA2A.ucrHash(of: ucr), required: required)
    }

    /// The entry, in a2a_slipstream.py's member order.
    public var json: JSONValue {
        var params: [(String, JSONValue)] = [("slipVersion", .string(SlipA2A.slipVersion))]
        if let ucrVersion { params.append(("ucrVersion", .string(ucrVersion))) }
        if let ucrHash { params.append(("ucrHash", .string(ucrHash))) }
        params.append(("preferredInputMode", .string(SlipA2A.inputMode)))
        return .object([
            ("uri", .string(SlipA2A.extensionURI)), ("description", .string(description)), ("required", .bool(required)),
            ("params", .object(params)),
        ])
    }
}
