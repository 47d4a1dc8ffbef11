/// Why a ``FallbackStore`` could not store or retrieve a text.
public struct FallbackStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Every candidate ref of the text is held by other texts.
        public static let refsExhausted = Code(rawValue: "refs_exhausted")
        /// The storage underneath failed (the underlying error says how).
        public static let storage = Code(rawValue: "storage")
    }

    public var code: Code
    /// What was wrong, naming the store and the ref or text involved.
    public var message: String
    /// The storage error underneath, for ``Code/storage``.
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The error for a text all of whose candidate refs hold other texts.
    public static func refsExhausted(for text: String) -> FallbackStoreError {
        FallbackStoreError(
            .refsExhausted, "every candidate ref of the text (\(text.prefix(40).debugDescription)…) holds another text")
    }

    /// Runs a durable store's `body`: a ``FallbackStoreError`` it throws passes through, anything else (the
    /// database's own errors) becomes a ``Code/storage`` error saying what could not be done, "cannot `doing`".
    public static func storage<T>(
        _ doing: @autoclosure () -> String, _ body: () async throws -> T
    ) async throws(FallbackStoreError) -> T {
        do {
            return try await body()
        } catch let error as FallbackStoreError {
            throw error
        } catch {
            throw FallbackStoreError(.storage, "cannot \(doing())", underlying: error)
        }
    }

    public var description: String {
        var text = "fallback store error (\(code)): \(message)"
        if let underlying { text += ": \(underlying)" }
        return text
    }
}
