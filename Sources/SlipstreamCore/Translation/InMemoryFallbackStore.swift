import Synchronization

/// A ``FallbackStore`` in memory, for tests and single-process use.
public final class InMemoryFallbackStore: FallbackStore {
    private let texts = Mutex<[String: String]>([:])

    public init() {}

    public func store(_ text: String) async throws -> String {
        let ref = Self.ref(for: text)
        texts.withLock { $0[ref] = text }
        return ref
    }

    public func retrieve(_ ref: String) async throws -> String? {
        texts.withLock { $0[ref] }
    }

    /// How many texts are stored.
    public var count: Int { texts.withLock { $0.count } }
}
