import SlipstreamCore

/// Generates, from the UCR in use, the GBNF grammar and the JSON schema that keep a model's answer
/// a well-formed TQT record, and maps a JSON answer back to record text.
///
/// The grammar ties the QUANTIZE line's anchor to the SLIP line's, limits anchors to the codebook's
/// active ones, agent ids to the known ones (when given) and payload items to strict tokens:
///
/// ```swift
/// let constraint = TQTConstraint(ucr: .v1, src: "alice", dst: "bob")
/// let gbnf = constraint.gbnf          // llama.cpp `grammar`
/// let schema = constraint.jsonSchema  // OpenAI `response_format` / Ollama `format`
/// ```
public struct TQTConstraint: Sendable, Hashable {
    /// The wire version of the records.
    public var version: WireVersion
    /// Anchors the model may choose (the codebook's active ones: core and extension).
    public var anchors: [UCRAnchor]
    /// The sender, when known; otherwise any valid agent id.
    public var src: String?
    /// The receiver, when known; otherwise any valid agent id.
    public var dst: String?
    /// Longest THOUGHT text, in characters.
    public var maxThoughtCharacters: Int
    /// Most payload tokens.
    public var maxPayloadTokens: Int

    public init(
        ucr: UCR,
        version: WireVersion? = nil,
        src: String? = nil,
        dst: String? = nil,
        maxThoughtCharacters: Int = 400,
        maxPayloadTokens: Int = 8
    ) {
        self.version = version ?? (ucr.format == .v3 ? .v3 : .v1)
        self.anchors = ucr.anchors.filter { $0.state == .active || $0.isCore }
        self.src = src
        self.dst = dst
        self.maxThoughtCharacters = max(1, maxThoughtCharacters)
        self.maxPayloadTokens = max(0, min(maxPayloadTokens, self.version == .v3 ? WireParser.V3Limits.maxPayloadTokens : 64))
    }

    /// The anchor as written on the wire: `RequestReview` (v1) or `Request Review` (v3).
    func wireName(_ anchor: UCRAnchor) -> String {
        version == .v1 ? anchor.mnemonic : "\(anchor.force.rawValue) \(anchor.object)"
    }

    /// Characters of a token: `[A-Za-z0-9._-]` (v1) or `[A-Za-z0-9]` (v3).
    var tokenClass: String { version == .v1 ? "[A-Za-z0-9._-]" : "[A-Za-z0-9]" }
    var maxTokenLength: Int { version == .v1 ? 64 : WireParser.V3Limits.maxTokenLength }
    var maxAgentLength: Int { version == .v1 ? 64 : WireParser.V3Limits.maxAgentIDLength }

    // MARK: GBNF

    /// The GBNF grammar (llama.cpp's `grammar` field).
    public var gbnf: String {
        let slipHead = "\"SLIP: SLIP \(version.rawValue) \" agents \" \""
        var rules: [String] = []
        rules.append("root ::= \"THOUGHT: \" thought \"\\n\" ( quantize | \(slipHead) anchor payload )")
        rules.append("thought ::= [^\\n]{1,\(maxThoughtCharacters)}")
        var tied: [String] = []
        for anchor in anchors {
            let name = Self.gbnfLiteral(wireName(anchor))
            let tail = anchor.force == .fallback && version == .v3 ? " \" \" ref" : ""
            switch version {
            case .v1:
                tied.append("\(Self.gbnfLiteral(anchor.mnemonic + "\nSLIP: SLIP v1 ")) agents \" \" \(name)\(tail)")
            case .v3:
                let quantize = "\(anchor.force.rawValue) Object=\(anchor.object)\nSLIP: SLIP v3 "
                tied.append("\(Self.gbnfLiteral(quantize)) agents \" \" \(name)\(tail)")
            }
        }
        switch version {
        case .v1:
            rules.append(
                "quantize ::= \"QUANTIZE: [ACTION=\" action \" | DOMAIN=\" domain \" | URGENCY=\" urgency \" | POLARITY=\" polarity \"] -> \" tied payload"
            )
            rules.append("action ::= " + QuantizeLabels.action.map(Self.gbnfLiteral).joined(separator: " | "))
            rules.append("domain ::= " + QuantizeLabels.domain.map(Self.gbnfLiteral).joined(separator: " | "))
            rules.append("urgency ::= " + QuantizeLabels.urgency.map(Self.gbnfLiteral).joined(separator: " | "))
            rules.append("polarity ::= " + QuantizeLabels.polarity.map(Self.gbnfLiteral).joined(separator: " | "))
        case .v3:
            rules.append("quantize ::= \"QUANTIZE: Force=\" tied payload")
        }
        rules.append("tied ::= " + (tied.isEmpty ? "\"\"" : tied.joined(separator: " | ")))
        rules.append(
            "anchor ::= "
                + anchors.map { Self.gbnfLiteral(wireName($0)) + ($0.force == .fallback && version == .v3 ? " \" \" ref" : "") }
                .joined(separator: " | "))
        rules.append("agents ::= \(agentRule(src)) \" \" \(agentRule(dst))")
        rules.append("agent ::= \(tokenClass){1,\(maxAgentLength)}")
        rules.append("payload ::= ( \" \" token ){0,\(maxPayloadTokens)}")
        rules.append("token ::= \(tokenClass){1,\(maxTokenLength)}")
        if version == .v3 {
            rules.append("ref ::= [A-Za-z0-9]{1,\(WireParser.V3Limits.maxFallbackRefLength)}")
        }
        return rules.joined(separator: "\n") + "\n"
    }

    func agentRule(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "agent" }
        return Self.gbnfLiteral(id)
    }

    /// A GBNF string literal.
    static func gbnfLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: JSON schema

    /// The JSON schema of an answer object (`thought`, the four dimensions or Force, `anchor`, `src`, `dst`,
    /// `payload`), with the anchor as an enum of the codebook's names.
    public var jsonSchema: JSONValue {
        func enumeration(_ values: [String]) -> JSONValue { .object([("enum", .array(values.map(JSONValue.string)))]) }
        func pattern(_ characters: String, _ maxLength: Int) -> JSONValue {
            .object([("type", .string("string")), ("pattern", .string("^\(characters){1,\(maxLength)}$"))])
        }
        func agent(_ id: String?) -> JSONValue {
            if let id, !id.isEmpty { return enumeration([id]) }
            return pattern(tokenClass, maxAgentLength)
        }
        var properties: [(String, JSONValue)] = [
            ("thought", .object([("type", .string("string")), ("maxLength", .int(maxThoughtCharacters))]))
        ]
        if version == .v1 {
            properties.append(("action", enumeration(QuantizeLabels.action)))
            properties.append(("domain", enumeration(QuantizeLabels.domain)))
            properties.append(("urgency", enumeration(QuantizeLabels.urgency)))
            properties.append(("polarity", enumeration(QuantizeLabels.polarity)))
        }
        properties.append(("anchor", enumeration(anchors.map(wireName))))
        properties.append(("src", agent(src)))
        properties.append(("dst", agent(dst)))
        properties.append(
            (
                "payload",
                .object([
                    ("type", .string("array")),
                    ("items", pattern(tokenClass, maxTokenLength)),
                    ("maxItems", .int(maxPayloadTokens)),
                ])
            ))
        return .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(properties.map { .string($0.0) })),
            ("additionalProperties", .bool(false)),
        ])
    }
}
