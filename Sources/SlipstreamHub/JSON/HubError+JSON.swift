import SlipstreamCore

extension HubError: Decodable {
    private enum CodingKeys: String, CodingKey {
        case code, message, offset, wireError, retryAfter
    }

    private struct Wire: Decodable {
        var code: String
        var kind: String
        var message: String
        var token: String?
        var offset: Int?
    }

    /// `{"code", "message", "offset", "wireError": {code, kind, message, token, offset} | null,
    /// "retryAfter": seconds | null}`.
    public var json: JSONValue {
        .object([
            ("code", .string(code.rawValue)), ("message", .string(message)), ("offset", offset.map(JSONValue.int) ?? .null),
            (
                "wireError",
                wireError.map {
                    .object([
                        ("code", .string($0.code.rawValue)), ("kind", .string($0.kind.rawValue)), ("message", .string($0.message)),
                        ("token", .string($0.token)), ("offset", $0.offset.map(JSONValue.int) ?? .null),
                    ])
                } ?? .null
            ),
            ("retryAfter", retryAfter.map { .double(HubTime.seconds($0)) } ?? .null),
        ])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let wire = try container.decodeIfPresent(Wire.self, forKey: .wireError)
        self.init(
            Code(rawValue: try container.decode(String.self, forKey: .code)), try container.decode(String.self, forKey: .message),
            offset: try container.decodeIfPresent(Int.self, forKey: .offset),
            wireError: wire.map {
                WireError(.init(rawValue: $0.code), .init(rawValue: $0.kind) ?? .validation, $0.message, token: $0.token, offset: $0.offset)
            },
            retryAfter: try container.decodeIfPresent(Double.self, forKey: .retryAfter).map {
                HubTime.duration(seconds: $0)
            })
    }
}
