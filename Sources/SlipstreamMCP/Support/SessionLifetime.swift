import SlipstreamHub
import Synchronization

/// The life of one client session, for the tool calls that wait (slip_receive's long poll): ``end()``
/// interrupts every wait still running, so a session whose client went away is not held open by them.
final class SessionLifetime: Sendable {
    private let ended = Mutex(false)
    private let signal = HubSignal()

    /// Whether the session has ended.
    var hasEnded: Bool { ended.withLock { $0 } }

    /// Ends the session: every ``interruptible(_:)`` running returns `nil`, and later ones at once.
    func end() {
        ended.withLock { $0 = true }
        signal.notify()
    }

    /// `body`'s result, or `nil` when the session ended first (`body` is then cancelled). When the calling
    /// task is cancelled (the client cancelled the request), `body` is cancelled too; check for it after.
    func interruptible<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) async throws -> Result? {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while !self.hasEnded, !Task.isCancelled {
                    let seen = self.signal.generation
                    if self.hasEnded { break }
                    await self.signal.wait(after: seen, timeout: .seconds(3600))
                }
                return nil
            }
            defer { group.cancelAll() }
            let first = try await group.next() ?? nil
            return hasEnded ? nil : first
        }
    }
}
