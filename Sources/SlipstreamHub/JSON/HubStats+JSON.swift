import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension HubStats: Decodable {
    private enum CodingKeys: String, CodingKey {
        case messages, groups, maxPending, mailboxes
    }

    /// The JSON object `hub stats --json` prints and `GET /v1/stats` answers: `messages, pendingDeliveries,
    /// groups, maxPending, mailboxes: [{recipient, pending, oldestPendingId, oldestPendingSentAt,
    /// oldestPendingAge, ackedThrough}]`, the age in seconds at `now`.
    public func json(now: Date = Date()) -> JSONValue {
        .object([
            ("messages", .int(messages)), ("pendingDeliveries", .int(pendingDeliveries)), ("groups", .int(groups)),
            ("maxPending", maxPending.map(JSONValue.int) ?? .null), ("mailboxes", .array(mailboxes.map { $0.json(now: now) })),
        ])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            mailboxes: try container.decode([Mailbox].self, forKey: .mailboxes),
            messages: try container.decode(Int.self, forKey: .messages),
            groups: try container.decode(Int.self, forKey: .groups),
            maxPending: try container.decodeIfPresent(Int.self, forKey: .maxPending))
    }
}

extension HubStats.Mailbox: Decodable {
    private enum CodingKeys: String, CodingKey {
        case recipient, pending, oldestPendingId, oldestPendingSentAt, ackedThrough
    }

    /// `{recipient, pending, oldestPendingId, oldestPendingSentAt, oldestPendingAge, ackedThrough}`: the
    /// oldest pending message's id, time (ISO 8601) and age in seconds at `now` (null when none is pending).
    public func json(now: Date = Date()) -> JSONValue {
        .object([
            ("recipient", .string(recipient)), ("pending", .int(pending)),
            ("oldestPendingId", oldestPendingID.map { .int(Int($0)) } ?? .null),
            ("oldestPendingSentAt", .string(oldestPendingSentAt.map(HubTime.iso8601))),
            ("oldestPendingAge", age(at: now).map(JSONValue.double) ?? .null),
            ("ackedThrough", .int(Int(ackedThrough))),
        ])
    }

    /// How long the oldest pending message has waited at `now`, in seconds (to the millisecond; nil when
    /// none is pending).
    public func age(at now: Date) -> Double? {
        oldestPendingSentAt.map { Double(max(0, HubTime.milliseconds(now) - HubTime.milliseconds($0))) / 1000 }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sentAt = try container.decodeIfPresent(String.self, forKey: .oldestPendingSentAt)
        let date = try sentAt.map { text in
            guard let date = HubTime.date(iso8601: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .oldestPendingSentAt, in: container, debugDescription: "\(text) is not ISO 8601")
            }
            return date
        }
        self.init(
            recipient: try container.decode(String.self, forKey: .recipient), pending: try container.decode(Int.self, forKey: .pending),
            oldestPendingID: try container.decodeIfPresent(Int64.self, forKey: .oldestPendingId), oldestPendingSentAt: date,
            ackedThrough: try container.decode(Int64.self, forKey: .ackedThrough))
    }
}
