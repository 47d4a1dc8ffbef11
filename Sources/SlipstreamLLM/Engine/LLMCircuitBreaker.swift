import Synchronization

/// Skips a server that just refused connections, so a batch over a dead server falls back at once
/// instead of waiting out the connect timeout for every text.
///
/// After a text whose every attempt was ``LLMError/Code/unreachable`` the breaker opens for
/// ``cooldown``; while open, the engine goes straight to its fallback. Any answer from the server
/// closes it.
public final class LLMCircuitBreaker: Sendable {
    /// How long the server is skipped after it was unreachable.
    public let cooldown: Duration
    private let openedAt = Mutex<ContinuousClock.Instant?>(nil)

    public init(cooldown: Duration = .seconds(30)) {
        self.cooldown = cooldown
    }

    /// Whether the server is being skipped now.
    public var isOpen: Bool {
        openedAt.withLock { opened in
            guard let start = opened else { return false }
            if ContinuousClock.now - start < cooldown { return true }
            opened = nil
            return false
        }
    }

    func trip() { openedAt.withLock { $0 = ContinuousClock.now } }

    func reset() { openedAt.withLock { $0 = nil } }
}
