import Foundation
import Hummingbird
import SlipstreamHub
import Synchronization

/// What a hub server counts while it runs, and `GET /metrics`: those counts and the store's state
/// (``HubStats``, read at each scrape) in Prometheus's text format.
final class HubMetrics: Sendable {
    private struct Counts {
        var accepted = 0
        var refused: [String: Int] = [:]
        var delivered = 0
        var responses: [Int: Int] = [:]
    }

    private let counts = Mutex(Counts())

    /// A line accepted by `POST /v1/messages`.
    func accepted() { counts.withLock { $0.accepted += 1 } }

    /// A line refused by `POST /v1/messages` with `code`.
    func refused(_ code: HubError.Code) { counts.withLock { $0.refused[code.rawValue, default: 0] += 1 } }

    /// `count` messages handed to a receiver.
    func delivered(_ count: Int) { counts.withLock { $0.delivered += count } }

    /// A response with `status`.
    func answered(_ status: Int) { counts.withLock { $0.responses[status, default: 0] += 1 } }

    /// The exposition of the counts and of `stats` (with the server's ``HubStats/maxPending``), taken at `now`.
    func text(_ stats: HubStats, now: Date) -> String {
        let counts = counts.withLock { $0 }
        var text = ""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            text += "# HELP slipstream_hub_\(name) \(help)\n# TYPE slipstream_hub_\(name) \(type)\n"
            for sample in samples { text += "slipstream_hub_\(name)\(sample.labels) \(sample.value)\n" }
        }
        func label(_ name: String, _ value: String) -> String {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "{\(name)=\"\(escaped)\"}"
        }
        metric("lines_accepted_total", "counter", "Wire lines this server accepted.", [("", "\(counts.accepted)")])
        metric(
            "lines_refused_total", "counter", "Wire lines this server refused, by error code.",
            counts.refused.sorted { $0.key < $1.key }.map { (label("code", $0.key), "\($0.value)") })
        metric("messages_delivered_total", "counter", "Messages this server handed to receivers.", [("", "\(counts.delivered)")])
        metric(
            "http_responses_total", "counter", "Responses this server sent, by HTTP status.",
            counts.responses.sorted { $0.key < $1.key }.map { (label("status", "\($0.key)"), "\($0.value)") })
        metric("messages_stored", "gauge", "Messages in the store (acknowledged ones until pruned).", [("", "\(stats.messages)")])
        metric("groups", "gauge", "Groups with members.", [("", "\(stats.groups)")])
        metric("pending_deliveries", "gauge", "Unacknowledged deliveries, all mailboxes.", [("", "\(stats.pendingDeliveries)")])
        metric("max_pending", "gauge", "Most unacknowledged messages a mailbox may hold (0: no limit).", [("", "\(stats.maxPending ?? 0)")])
        metric(
            "mailbox_pending", "gauge", "Unacknowledged messages in an agent's mailbox.",
            stats.mailboxes.map { (label("agent", $0.recipient), "\($0.pending)") })
        metric(
            "mailbox_oldest_pending_age_seconds", "gauge", "How long the oldest unacknowledged message of a mailbox has waited.",
            stats.mailboxes.compactMap { mailbox in
                mailbox.oldestPendingSentAt.map { (label("agent", mailbox.recipient), "\(max(0, now.timeIntervalSince($0)))") }
            })
        return text
    }
}

/// Counts every response's status in ``HubMetrics``.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HubMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            metrics.answered(response.status.code)
            return response
        } catch {
            metrics.answered((error as? any HTTPResponseError)?.status.code ?? 500)
            throw error
        }
    }
}
