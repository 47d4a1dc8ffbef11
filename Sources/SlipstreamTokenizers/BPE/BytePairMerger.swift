/// tiktoken's byte-pair merge: repeatedly merge the adjacent pair with the lowest rank.
///
/// This mirrors `_byte_pair_merge` in tiktoken's `src/lib.rs` step for step (leftmost lowest rank
/// first, ranks looked up by the merged bytes), so the resulting ids are identical.
struct BytePairMerger {
    let ranks: RankTable

    /// Encodes one piece that is not itself a token; calls `emit` with each rank in order.
    ///
    /// - Precondition: `length >= 2`.
    @inline(__always)
    func encode(_ piece: UnsafePointer<UInt8>, length: Int, _ emit: (UInt32) -> Void) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length + 1) { pairRanks in
                merge(piece, length: length, starts: starts.baseAddress!, pairRanks: pairRanks.baseAddress!, emit)
            }
        }
    }

    @inline(__always)
    private func merge(
        _ piece: UnsafePointer<UInt8>, length: Int,
        starts: UnsafeMutablePointer<Int>, pairRanks: UnsafeMutablePointer<UInt32>,
        _ emit: (UInt32) -> Void
    ) {
        let missing = RankTable.missing
        var minRank = missing
        var minIndex = 0
        for i in 0..<(length - 1) {
            let rank = ranks.rank(ofPair: piece[i], piece[i + 1])
            if rank < minRank {
                minRank = rank
                minIndex = i
            }
            starts[i] = i
            pairRanks[i] = rank
        }
        starts[length - 1] = length - 1
        pairRanks[length - 1] = missing
        starts[length] = length
        pairRanks[length] = missing
        var parts = length + 1

        @inline(__always)
        func rankAfterMerge(_ i: Int) -> UInt32 {
            guard i + 3 < parts else { return missing }
            return ranks.rank(of: piece + starts[i], length: starts[i + 3] - starts[i])
        }

        while minRank != missing {
            let i = minIndex
            if i > 0 { pairRanks[i - 1] = rankAfterMerge(i - 1) }
            pairRanks[i] = rankAfterMerge(i)
            // Remove part i + 1.
            let moved = parts - (i + 2)
            (starts + i + 1).update(from: starts + i + 2, count: moved)
            (pairRanks + i + 1).update(from: pairRanks + i + 2, count: moved)
            parts -= 1

            minRank = missing
            for j in 0..<(parts - 1) where pairRanks[j] < minRank {
                minRank = pairRanks[j]
                minIndex = j
            }
        }
        for j in 0..<(parts - 1) {
            emit(ranks.rank(of: piece + starts[j], length: starts[j + 1] - starts[j]))
        }
    }
}
