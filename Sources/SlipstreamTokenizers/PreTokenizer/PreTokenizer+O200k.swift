extension Scanner {
    /// The end of the o200k_base piece starting at `start`.
    ///
    /// Alternatives, in order (U = `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`, W = `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`,
    /// C = `(?i:'s|'t|'re|'ve|'m|'ll|'d)?`): `[^\r\n\p{L}\p{N}]?U*W+C`, `[^\r\n\p{L}\p{N}]?U+W*C`,
    /// `\p{N}{1,3}`, ` ?[^\s\p{L}\p{N}]+[\r\n/]*`, `\s*[\r\n]+`, `\s+(?!\S)`, `\s+`.
    @inline(__always)
    func matchO200k(at start: Int) -> Int {
        let (c0, l0) = scalar(at: start)
        let k0 = classOf(c0)
        let takesPrefix = k0.isDisjoint(with: [.newline, .letter, .number])
        // 1. Optional prefix, U*, W+, contraction. The prefix is tried first, then left out.
        if takesPrefix, let end = upperThenLower(from: start + l0) { return withContraction(end) }
        if let end = upperThenLower(from: start) { return withContraction(end) }
        // 2. Optional prefix, U+, W*, contraction.
        if takesPrefix, let end = upperRequired(from: start + l0) { return withContraction(end) }
        if let end = upperRequired(from: start) { return withContraction(end) }
        // 3. One to three numbers.
        if k0.contains(.number) { return numberRun(from: start, firstLength: l0) }
        // 4. An optional space, punctuation, trailing newlines and slashes.
        var punctuationStart = -1
        if c0 == 0x20, start + 1 < count {
            let (c1, l1) = scalar(at: start + 1)
            if Self.isPunctuation(classOf(c1)) { punctuationStart = start + 1 + l1 }
        }
        if punctuationStart < 0, Self.isPunctuation(k0) { punctuationStart = start + l0 }
        if punctuationStart >= 0 {
            var end = punctuationRun(from: punctuationStart)
            while end < count, bytes[end] == 0x0A || bytes[end] == 0x0D || bytes[end] == 0x2F { end += 1 }
            return end
        }
        // 5–7. Whitespace.
        let ws = whitespaceRun(from: start)
        if ws.scalars == 0 { return start + l0 }  // Unreachable: every scalar is L, N, \s or other.
        if ws.lastNewlineEnd >= 0 { return ws.lastNewlineEnd }  // \s*[\r\n]+
        if ws.end == count { return count }  // \s+(?!\S) at the end
        if ws.scalars >= 2 { return ws.lastStart }  // \s+(?!\S)
        return start + l0  // \s+
    }

    /// `U*W+` from `index` with backtracking: the end of the first match, or `nil`.
    @inline(__always)
    private func upperThenLower(from index: Int) -> Int? {
        var end = index
        var lastLowerEnd = -1
        while end < count {
            let (value, length) = scalar(at: end)
            let kind = classOf(value)
            if kind.contains(.upper) {
                end += length
                if kind.contains(.lower) { lastLowerEnd = end }
                continue
            }
            // The U run ends here; W+ may start at this scalar (then it is Ll).
            if kind.contains(.lower) { return run(from: end + length, of: .lower) }
            break
        }
        // Backtrack into the U run: the last scalar of it that is also in W.
        return lastLowerEnd >= 0 ? lastLowerEnd : nil
    }

    /// `U+W*` from `index`: the end of the match, or `nil` if no U scalar starts there.
    @inline(__always)
    private func upperRequired(from index: Int) -> Int? {
        let upperEnd = run(from: index, of: .upper)
        return upperEnd == index ? nil : run(from: upperEnd, of: .lower)
    }

    /// `end` extended by an optional `(?i:'s|'t|'re|'ve|'m|'ll|'d)`.
    @inline(__always)
    private func withContraction(_ end: Int) -> Int {
        guard end < count, bytes[end] == 0x27 else { return end }
        return contractionTail(at: end + 1) ?? end
    }
}
