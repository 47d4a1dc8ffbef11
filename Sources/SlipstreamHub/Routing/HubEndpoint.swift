/// What agents do with a hub, wherever it runs: a ``Hub`` over a store in this process, or a client of a
/// hub's HTTP server. Commands and agents written against it work with either.
public protocol HubEndpoint: Sendable {
    /// Sends one wire line; the receipt names the message's id and recipients.
    func send(_ line: String) async throws(HubError) -> HubReceipt

    /// Up to `limit` of `agent`'s unacknowledged messages above `after`, waiting up to `wait` for a first one.
    func receive(agent: String, after: Int64, limit: Int?, wait: Duration) async throws(HubError) -> [HubMessage]

    /// Acknowledges `agent`'s messages through `id`; returns the agent's cursor.
    @discardableResult
    func acknowledge(agent: String, through id: Int64) async throws(HubError) -> Int64

    /// Adds `agent` to `group`.
    func join(group: String, agent: String) async throws(HubError)

    /// Removes `agent` from `group`.
    func leave(group: String, agent: String) async throws(HubError)

    /// The members of `group`, sorted.
    func members(of group: String) async throws(HubError) -> [String]

    /// Who is behind: every mailbox's pending count, oldest pending message and cursor, and the totals.
    func stats() async throws(HubError) -> HubStats
}

extension Hub: HubEndpoint {}

extension HubEndpoint {
    /// ``send(_:)``, sent again when the hub refuses it for the sender's rate, after the wait the hub asks
    /// for, as long as the waits add up to at most `budget`; past that (or when the task is cancelled) the
    /// ``HubError/Code/rateLimited`` refusal is thrown, with its retry-after.
    public func send(_ line: String, waitingOutRateLimitsFor budget: Duration) async throws(HubError) -> HubReceipt {
        var left = budget
        while true {
            do throws(HubError) {
                return try await send(line)
            } catch  where error.code == .rateLimited {
                guard let wait = error.retryAfter, wait <= left, !Task.isCancelled else { throw error }
                left -= wait
                try? await Task.sleep(for: wait)
            }
        }
    }
}
