import Synchronization

/// Values loaded once per key and kept for the life of the server (quantizer models, tokenizer rank
/// files); a failed load is not kept, so a later call retries (after `slipstream assets fetch`, say).
/// Two first calls at the same time may both load; the first value stored is kept.
final class OnceCache<Key: Hashable & Sendable, Stored: Sendable>: Sendable {
    private let values = Mutex<[Key: Stored]>([:])

    /// The value for `key`, loading it with `load` the first time.
    func value(for key: Key, load: () throws -> Stored) throws -> Stored {
        if let value = values.withLock({ $0[key] }) { return value }
        let value = try load()
        return values.withLock { values in
            if let existing = values[key] { return existing }
            values[key] = value
            return value
        }
    }
}
