import SlipstreamCore

/// A ``FallbackStore`` that opens the real one on first use, so a run that never meets a Fallback
/// never touches the store's file (and works where that file cannot be made).
public final class LazyFallbackStore: FallbackStore {
    private let real: OpenOnFirstUse<any FallbackStore>

    /// A store that calls `open` when it is first used (again after `open` threw).
    public init(_ open: @escaping @Sendable () throws -> any FallbackStore) {
        real = OpenOnFirstUse(open)
    }

    public func store(_ text: String) async throws -> String {
        try await real.value().store(text)
    }

    public func retrieve(_ ref: String) async throws -> String? {
        try await real.value().retrieve(ref)
    }
}
