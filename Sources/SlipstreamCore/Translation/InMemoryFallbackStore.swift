import Synchronization

/// A ``FallbackStore`` in memory, for tests and single-process use.
public final class InMemoryFallbackStore: FallbackStore {
    private let texts = Mutex<[String: String]>([:])

    public init() {}

    public func store(_ text: String) async throws -> String {
        try texts.withLock { texts throws(FallbackStoreError) in
            for ref in Self.candidateRefs(for: text) {
                switch texts[ref] {
                case nil:
                    texts[ref] = text
                    return ref
                case text?:
                    return ref
                default:
                    continue
                }
            }
            throw .refsExhausted(for: text)
        }
    }

    public func retrieve(_ ref: String) async throws -> String? {
        texts.withLock { $0[ref] }
    }

    /// How many texts are stored.
    public var count: Int { texts.withLock { $0.count } }
}
