/// Keeps the natural-language text of Fallback messages, addressed by a short ref that goes on the wire.
///
/// Refs are content-addressed (``candidateRefs(for:)``): the same text gets the same ref in every store,
/// and a store never gives one ref to two texts. Durable stores (SQLite) implement the same protocol.
public protocol FallbackStore: Sendable {
    /// Stores `text` and returns its ref (`ref` + 8–13 hex digits, at most 16 characters).
    func store(_ text: String) async throws -> String
    /// The text stored under `ref`, if any.
    func retrieve(_ ref: String) async throws -> String?
}

extension FallbackStore {
    /// The content-addressed ref for `text`: `ref` + the first 8 hex digits of its SHA-256 (the ref a
    /// store gives it unless another text already holds that one).
    public static func ref(for text: String) -> String {
        "ref" + SHA256.hexDigest(text).prefix(8)
    }

    /// The refs `text` may get, in order: `ref` + the first 8, 9, … 13 hex digits of its SHA-256 (13 keeps
    /// a ref within v3's 16 characters). A store gives a text the first of them that is free or already
    /// holds that text, so two texts whose first 8 digits collide both keep a ref of their own.
    public static func candidateRefs(for text: String) -> [String] {
        let digest = SHA256.hexDigest(text)
        return (8...13).map { "ref" + digest.prefix($0) }
    }
}
