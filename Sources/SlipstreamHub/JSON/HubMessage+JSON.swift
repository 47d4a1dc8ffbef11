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
            ("wire", .string(wire)), ("version", .string(version.rawValue)), ("sentAt", .string(Self.format(sentAt))),
        ])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sentAt = try container.decode(String.self, forKey: .sentAt)
        guard let date = try? Date(sentAt, strategy: Self.parsedTime) else {
            throw DecodingError.dataCorruptedError(forKey: .sentAt, in: container, debugDescription: "\(sentAt) is not ISO 8601")
        }
        self.init(
            id: try container.decode(Int64.self, forKey: .id), src: try container.decode(String.self, forKey: .src),
            dst: try container.decode(String.self, forKey: .dst), recipient: try container.decode(String.self, forKey: .recipient),
            wire: try container.decode(String.self, forKey: .wire), version: try container.decode(WireVersion.self, forKey: .version),
            sentAt: Date(milliseconds: date.milliseconds))
    }

    private static let parsedTime = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `2026-12-01T05:40:00.123Z`: UTC, to the millisecond.
    public static func format(_ date: Date) -> String {
        let milliseconds = date.milliseconds
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = Date(timeIntervalSince1970: Double(fraction < 0 ? seconds - 1 : seconds)).formatted(Date.ISO8601FormatStyle())
        let digits = String((fraction + 1000) % 1000 + 1000).dropFirst()
        return whole.dropLast() + "." + digits + "Z"
    }
}
