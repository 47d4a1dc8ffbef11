/// A fixed bearer token, as a server checks it.
public enum BearerToken {
    /// Whether the `Authorization` header value `header` is `Bearer <token>`, compared in a time that
    /// depends on the lengths only, not on where the bytes differ.
    public static func authorizes(_ header: String?, token: String) -> Bool {
        let given = Array((header ?? "").utf8)
        let expected = Array("Bearer \(token)".utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
