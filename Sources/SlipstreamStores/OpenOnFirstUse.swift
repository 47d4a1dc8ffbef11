import Synchronization

/// A value that `open` makes on first use and that is kept from then on; an `open` that throws is tried
/// again on the next use. What ``LazyFallbackStore`` and ``LazyHubStore`` hold their store in.
final class OpenOnFirstUse<Value: Sendable>: Sendable {
    private let open: @Sendable () throws -> Value
    private let opened = Mutex<Value?>(nil)

    init(_ open: @escaping @Sendable () throws -> Value) {
        self.open = open
    }

    /// The value, made now if it was not yet.
    func value() throws -> Value {
        try opened.withLock { opened in
            if let opened { return opened }
            let value = try open()
            opened = value
            return value
        }
    }
}
