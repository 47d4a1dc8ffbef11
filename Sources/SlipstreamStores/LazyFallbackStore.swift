import SlipstreamCore
import Synchronization

/// A ``FallbackStore`` that opens the real one on first use, so a run that never meets a Fallback
/// never touches the store's file (and works where that file cannot be made).
public final class LazyFallbackStore: FallbackStore {
    private let open: @Sendable () throws -> any FallbackStore
    private let opened = Mutex<(any FallbackStore)?>(nil)

    /// A store that calls `open` when it is first used (again after `open` threw).
    public init(_ open: @escaping @Sendable () throws -> any FallbackStore) {
        self.open = open
    }

    private func resolved() throws -> any FallbackStore {
        try opened.withLock { opened in
            if let opened { return opened }
            let store = try open()
            opened = store
            return store
        }
    }

    public func store(_ text: String) async throws -> String {
        try await resolved().store(text)
    }

    public func retrieve(_ ref: String) async throws -> String? {
        try await resolved().retrieve(ref)
    }
}
