import Synchronization

/// A broadcast wake-up for waiting receivers: a generation that ``notify()`` moves on, and waiters that
/// return when it moved past the one they saw (or on timeout or cancellation).
///
/// Stores use it race-free this way: read ``generation``, check the storage, then
/// ``wait(after:timeout:)`` on that generation; a notify that came after the read wakes the wait at once.
public final class HubSignal: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        /// Waiters not registered yet.
        var pending: Set<Int> = []
        /// Waiters cancelled before they registered.
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())
    /// Receivers inside ``wait(until:timeout:poll:)``.
    private let receivers = Atomic<Int>(0)

    public init() {}

    /// Whether a receiver is waiting (or about to): news of appends elsewhere is worth looking into only then.
    public var isAwaited: Bool { receivers.load(ordering: .acquiring) > 0 }

    /// The current generation.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// Moves the generation on and wakes every waiter.
    public func notify() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when the generation is no longer `seen`, after `timeout`, or when the task is cancelled.
    public func wait(after seen: UInt64, timeout: Duration) async {
        guard timeout > .zero else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForChange(after: seen) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForChange(after seen: UInt64) async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            state.pending.insert(state.nextWaiter)
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    state.pending.remove(id)
                    if state.generation != seen || state.cancelled.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                // Registered: resume it; not yet: tell the registration; already resumed: nothing to do.
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                if state.pending.contains(id) { state.cancelled.insert(id) }
                return nil
            }
            waiter?.resume()
        }
    }
}

extension HubSignal {
    /// Returns once `ready()` is true, when `timeout` has passed, or the task is cancelled: checks, then
    /// waits for a ``notify()`` (this instance's appends, or a store's news of appends elsewhere) or `poll`
    /// (appends elsewhere that nothing announced), whichever comes first, and checks again.
    public func wait(until ready: () async throws -> Bool, timeout: Duration, poll: Duration) async throws {
        receivers.add(1, ordering: .acquiringAndReleasing)
        defer { receivers.subtract(1, ordering: .acquiringAndReleasing) }
        let deadline = ContinuousClock.now + timeout
        while true {
            let seen = generation
            if try await ready() { return }
            let remaining = deadline - .now
            if remaining <= .zero || Task.isCancelled { return }
            await wait(after: seen, timeout: min(poll, remaining))
        }
    }
}
