import ArgumentParser
import Foundation
import SlipstreamHub

/// `slipstream hub stats`: who is behind, and how much the hub holds.
struct HubStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print every mailbox's pending count, oldest pending message and cursor, and the hub's totals.",
        discussion: """
            Lists every agent with an unacknowledged message or a cursor, by name: how many messages wait for it, \
            the id and age of the oldest, and the id it acknowledged through. Over --hub, also the server's \
            mailbox limit (--max-pending of `hub serve`).
            """)

    @Flag(
        help: """
            Print one JSON object: messages, pendingDeliveries, groups, maxPending, mailboxes: \
            [{recipient, pending, oldestPendingId, oldestPendingSentAt, oldestPendingAge, ackedThrough}].
            """)
    var json = false

    @OptionGroup var store: HubStoreOptions

    @OptionGroup var remote: HubRemoteOptions

    func run() async throws {
        let stats = try await remote.withEndpoint(store: store, configuration: HubConfiguration()) { try await $0.stats() }
        let now = Date()
        if json { return Output.json(stats.json(now: now)) }
        let limit = stats.maxPending.map { "; mailbox limit \($0 == 0 ? "none" : String($0))" } ?? ""
        Output.line(
            "\(Self.count(stats.messages, "message")) stored, \(Self.count(stats.pendingDeliveries, "pending delivery", "pending deliveries")), "
                + "\(Self.count(stats.groups, "group"))\(limit)")
        for mailbox in stats.mailboxes {
            var line = "\(mailbox.recipient): \(mailbox.pending) pending"
            if let id = mailbox.oldestPendingID, let age = mailbox.age(at: now) {
                line += ", oldest id \(id) (\(String(format: "%.1f", age)) s old)"
            }
            Output.line(line + ", acked through \(mailbox.ackedThrough)")
        }
    }

    /// `1 message`, `2 messages`.
    private static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}
