extension SlipMessage: Codable {
    /// Encodes the message as its wire line: a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wire)
    }

    /// Decodes a wire line with the parser under ``CodingUserInfoKey/slipWireParser`` in the decoder's
    /// `userInfo`, or else the strict parser with the built-in codebooks. A line the parser refuses is a
    /// `DecodingError.dataCorrupted` whose underlying error is the ``WireError``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let line = try container.decode(String.self)
        let parser = decoder.userInfo[.slipWireParser] as? WireParser ?? WireParser()
        do {
            self = try parser.parse(line)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}

extension CodingUserInfoKey {
    /// The ``WireParser`` that decodes ``SlipMessage`` values (a lenient one, or one with an extended codebook).
    public static let slipWireParser = CodingUserInfoKey(rawValue: "slipstream.wireParser")!
}
