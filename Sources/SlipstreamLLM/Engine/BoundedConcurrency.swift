/// Runs an async transform over a collection with a limit on how many run at once.
public enum BoundedConcurrency {
    /// `transform` applied to every item, at most `limit` at a time; results in input order.
    ///
    /// The first error cancels the rest and is rethrown; cancelling the caller cancels every child.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item],
        limit: Int,
        onProgress: (@Sendable (Int, Int) -> Void)? = nil,
        _ transform: @escaping @Sendable (Item) async throws -> Result
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: items.count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var finished = 0
            func start() {
                let index = next
                let item = items[index]
                next += 1
                group.addTask { (index, try await transform(item)) }
            }
            while next < min(max(1, limit), items.count) { start() }
            while let (index, result) = try await group.next() {
                results[index] = result
                finished += 1
                onProgress?(finished, items.count)
                if Task.isCancelled { throw CancellationError() }
                if next < items.count { start() }
            }
        }
        return results.compactMap { $0 }
    }
}
