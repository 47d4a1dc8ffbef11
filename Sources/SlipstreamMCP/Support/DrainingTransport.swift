import Foundation
import Logging
import MCP

/// A transport that keeps count of the requests read and not yet answered, so a session that ends (the
/// client closed stdin right after its last request, as `printf … | slipstream mcp` does) still answers
/// every request it read before the server stops.
actor DrainingTransport: Transport {
    nonisolated let logger: Logger
    private let base: any Transport
    /// The ids of the requests read and not yet answered or cancelled.
    private var pending: Set<Value> = []
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ base: any Transport, logger: Logger) {
        self.base = base
        self.logger = logger
    }

    func connect() async throws { try await base.connect() }

    func disconnect() async { await base.disconnect() }

    func send(_ data: Data) async throws {
        defer {
            for message in Self.messages(in: data) where message["method"] == nil {
                if let id = message["id"] { settle(id) }
            }
        }
        try await base.send(data)
    }

    func receive() -> AsyncThrowingStream<Data, any Swift.Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, any Swift.Error>.makeStream()
        let task = Task {
            do {
                for try await data in await base.receive() {
                    track(data)
                    continuation.yield(data)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Returns when every request read so far has been answered (or cancelled by the client), or after
    /// `limit` (a request the server could not read as one is never answered).
    func drain(within limit: Duration) async {
        let deadline = ContinuousClock.now.advanced(by: limit)
        let timer = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            wakeWaiters()
        }
        defer { timer.cancel() }
        while !pending.isEmpty, ContinuousClock.now < deadline {
            await withCheckedContinuation { waiters.append($0) }
        }
        if !pending.isEmpty {
            logger.warning("session ended with unanswered requests", metadata: ["ids": "\(pending)"])
        }
    }

    private func track(_ data: Data) {
        for message in Self.messages(in: data) {
            guard case .string(let method)? = message["method"] else { continue }
            if let id = message["id"], id.stringValue != nil || id.intValue != nil {
                pending.insert(id)
            } else if method == "notifications/cancelled", let id = message["params"]?.objectValue?["requestId"] {
                settle(id)
            }
        }
    }

    private func settle(_ id: Value) {
        pending.remove(id)
        if pending.isEmpty { wakeWaiters() }
    }

    private func wakeWaiters() {
        let ready = waiters
        waiters = []
        for waiter in ready { waiter.resume() }
    }

    /// The JSON-RPC objects in a message (one, or a batch); none when it is not JSON.
    private static func messages(in data: Data) -> [[String: Value]] {
        switch try? JSONDecoder().decode(Value.self, from: data) {
        case .object(let object): [object]
        case .array(let items): items.compactMap(\.objectValue)
        default: []
        }
    }
}
