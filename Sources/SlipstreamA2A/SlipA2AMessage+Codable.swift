import SlipstreamCore

/// `Codable` through the message's JSON: decoding is ``SlipA2AMessage/read(_:ucr:parser:)-(JSONValue,_,_)``
/// without a codebook (its ``SlipA2AError`` is the `DecodingError`'s underlying error); encoding writes
/// ``SlipA2AMessage/json``. For byte-exact output in the helper's member order, use `json.compactText`.
extension SlipA2AMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do {
            self = try Self.read(json)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws { try EncodableJSON(value: json).encode(to: encoder) }
}

/// `Encodable` as the Agent Card entry ``SlipA2AAgentExtension/json``.
extension SlipA2AAgentExtension: Encodable {
    public func encode(to encoder: any Encoder) throws { try EncodableJSON(value: json).encode(to: encoder) }
}
