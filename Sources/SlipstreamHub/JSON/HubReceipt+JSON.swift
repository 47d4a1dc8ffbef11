import SlipstreamCore

extension HubReceipt: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, recipients, wire, repairs
    }

    private struct Repair: Decodable {
        var code: String
        var offset: Int
        var original: String
        var replacement: String
    }

    /// `{"id", "recipients", "wire", "repairs": [{code, offset, original, replacement}]}`.
    public var json: JSONValue {
        .object([
            ("id", .int(Int(id))), ("recipients", .array(recipients.map(JSONValue.string))), ("wire", .string(wire)),
            (
                "repairs",
                .array(
                    repairs.map {
                        .object([
                            ("code", .string($0.code.rawValue)), ("offset", .int($0.offset)), ("original", .string($0.original)),
                            ("replacement", .string($0.replacement)),
                        ])
                    })
            ),
        ])
    }

    /// One line's result, as `hub send --json` prints it and `POST /v1/messages` answers it:
    /// `{"line", "id", "recipients", "wire", "repairs"}` or `{"line", "error"}`.
    public static func json(line: Int, _ outcome: Result<HubReceipt, HubError>) -> JSONValue {
        switch outcome {
        case .success(let receipt):
            guard case .object(let fields) = receipt.json else { return receipt.json }
            return .object([("line", .int(line))] + fields)
        case .failure(let error):
            return .object([("line", .int(line)), ("error", error.json)])
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let repairs = try container.decodeIfPresent([Repair].self, forKey: .repairs) ?? []
        self.init(
            id: try container.decode(Int64.self, forKey: .id), recipients: try container.decode([String].self, forKey: .recipients),
            wire: try container.decode(String.self, forKey: .wire),
            repairs: repairs.map {
                WireRepair(.init(rawValue: $0.code), offset: $0.offset, original: $0.original, replacement: $0.replacement)
            }
        )
    }
}
