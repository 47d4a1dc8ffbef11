/// Keeps the natural-language text of Fallback messages, addressed by a short ref that goes on the wire.
///
/// Durable stores (SQLite, PostgreSQL) implement the same protocol.
public protocol FallbackStore: Sendable {
    /// Stores `text` and returns its ref (1–16 alphanumeric characters).
    func store(_ text: String) async throws -> String
    /// The text stored under `ref`, if any.
    func retrieve(_ ref: String) async throws -> String?
}

extension FallbackStore {
    /// The content-addressed ref for `text`: `ref` + the first 8 hex digits of its SHA-256, so the same
    /// text always gets the same ref in every store.
    public static func ref(for text: String) -> String {
        "ref" + SHA256.hexDigest(text).prefix(8)
    }
}
