import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension HubMessage: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, src, dst, recipient, wire, version, sentAt
    }

    /// The JSON object `recv --json` and the HTTP API write: `id, src, dst, recipient, wire, version, sentAt`
    /// (ISO 8601, UTC, milliseconds).
    public var json: JSONValue {
        .object([
            ("id", .int(Int(id))), ("src", .string(src)), ("dst", .string(dst)), ("recipient", .string(recipient)),
            ("wire", .string(wire)), ("version", .string(version.rawValue)), ("sentAt", .string(HubTime.iso8601(sentAt))),
        ])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sentAt = try container.decode(String.self, forKey: .sentAt)
        guard let date = HubTime.date(iso8601: sentAt) else {
            throw DecodingError.dataCorruptedError(forKey: .sentAt, in: container, debugDescription: "\(sentAt) is not ISO 8601")
        }
        self.init(
            id: try container.decode(Int64.self, forKey: .id), src: try container.decode(String.self, forKey: .src),
            dst: try container.decode(String.self, forKey: .dst), recipient: try container.decode(String.self, forKey: .recipient),
            wire: try container.decode(String.self, forKey: .wire), version: try container.decode(WireVersion.self, forKey: .version),
            sentAt: date)
    }
}
