/// Which special tokens (`<|endoftext|>` …) `encode` turns into their special ids.
///
/// Text that is not allowed is encoded as ordinary text, like tiktoken's `encode_ordinary`.
public struct AllowedSpecialTokens: Sendable, Equatable {
    let names: Set<String>?

    private init(names: Set<String>?) { self.names = names }

    /// No special tokens: everything is ordinary text (the default).
    public static let none = AllowedSpecialTokens(names: [])
    /// Every special token of the encoding.
    public static let all = AllowedSpecialTokens(names: nil)

    /// Only the named special tokens, e.g. `.only(["<|endoftext|>"])`.
    public static func only(_ names: Set<String>) -> AllowedSpecialTokens {
        AllowedSpecialTokens(names: names)
    }

    func allows(_ name: String) -> Bool { names?.contains(name) ?? true }
    var isEmpty: Bool { names?.isEmpty ?? false }
}
