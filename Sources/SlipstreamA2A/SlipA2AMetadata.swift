import SlipstreamCore

/// A message's `metadata[<extension URI>]` entry: `slipVersion`, `encoding`, `ucrVersion`, `ucrHash`,
/// `confidence`, and any other members (kept, in order, after these).
public struct SlipA2AMetadata: Sendable, Hashable {
    public var slipVersion: String
    public var encoding: String
    public var ucrVersion: String?
    public var ucrHash: String?
    public var confidence: Double?
    /// Members the spec does not name, passed through in order.
    public var extra: [(String, JSONValue)]

    public init(
        slipVersion: String = SlipA2A.slipVersion, encoding: String = SlipA2A.encoding, ucrVersion: String? = nil,
        ucrHash: String? = nil, confidence: Double? = nil, extra: [(String, JSONValue)] = []
    ) {
        self.slipVersion = slipVersion
        self.encoding = encoding
        self.ucrVersion = ucrVersion
        self.ucrHash = ucrHash
        self.confidence = confidence
        self.extra = extra.filter { !Self.named.contains($0.0) }
    }

    /// The metadata for a codebook: its `ucrVersion` and ``SlipA2A/ucrHash(of:)``.
    public init(ucr: UCR, confidence: Double? = nil) {
        self.init(ucrVersion: ucr.authority.ucrVersion, ucrHash: SlipA2A.ucrHash(of: ucr), confidence: confidence)
    }

    static let named: Set<String> = ["slipVersion", "encoding", "ucrVersion", "ucrHash", "confidence"]

    /// The entry, in a2a_slipstream.py's member order.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("slipVersion", .string(slipVersion)), ("encoding", .string(encoding))]
        if let ucrVersion { members.append(("ucrVersion", .string(ucrVersion))) }
        if let ucrHash { members.append(("ucrHash", .string(ucrHash))) }
        if let confidence { members.append(("confidence", .double(confidence))) }
        members += extra
        return .object(members)
    }

    /// Reads an entry; `path` names it in errors.
    public init(json: JSONValue, path: String) throws(SlipA2AError) {
        guard case .object(let members) = json else {
            throw SlipA2AError(.malformedMessage, "the extension's metadata is a \(json.kindName), not an object", field: path)
        }
        func string(_ key: String) throws(SlipA2AError) -> String? {
            guard let value = json[key] else { return nil }
            guard let text = value.stringValue else {
                throw SlipA2AError(.malformedMessage, "\(key) is a \(value.kindName), not a string", field: "\(path).\(key)")
            }
            return text
        }
        var confidence: Double?
        switch json["confidence"] {
        case nil, .null?: confidence = nil
        case .int(let value)?: confidence = Double(value)
        case .double(let value)?: confidence = value
        case let value?:
            throw SlipA2AError(
                .malformedMessage, "confidence is a \(value.kindName), not a number", field: "\(path).confidence")
        }
        self.init(
            slipVersion: try string("slipVersion") ?? SlipA2A.slipVersion, encoding: try string("encoding") ?? SlipA2A.encoding,
            ucrVersion: try string("ucrVersion"), ucrHash: try string("ucrHash"), confidence: confidence,
            extra: members)
    }

    /// Equal when the JSON is, whatever the order of object members.
    public static func == (lhs: SlipA2AMetadata, rhs: SlipA2AMetadata) -> Bool { lhs.json.sortingMembers == rhs.json.sortingMembers }
    public func hash(into hasher: inout Hasher) { hasher.combine(json.sortingMembers) }
}
