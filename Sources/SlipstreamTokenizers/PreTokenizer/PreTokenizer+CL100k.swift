extension Scanner {
    /// The end of the cl100k_base piece starting at `start`.
    ///
    /// Alternatives, in order: `'(?i:[sdmt]|ll|ve|re)`, `[^\r\n\p{L}\p{N}]?+\p{L}++`,
    /// `\p{N}{1,3}+`, ` ?[^\s\p{L}\p{N}]++[\r\n]*+`, `\s++$`, `\s*[\r\n]`, `\s+(?!\S)`, `\s`.
    @inline(__always)
    func matchCL100k(at start: Int) -> Int {
        let (c0, l0) = scalar(at: start)
        // 1. Contractions.
        if c0 == 0x27, let end = contractionTail(at: start + 1) { return end }
        let k0 = classOf(c0)
        // 2. An optional non-letter, non-number, non-newline prefix, then letters (possessive).
        if k0.contains(.letter) { return run(from: start + l0, of: .letter) }
        if k0.isDisjoint(with: [.newline, .number]), start + l0 < count {
            let (c1, l1) = scalar(at: start + l0)
            if classOf(c1).contains(.letter) { return run(from: start + l0 + l1, of: .letter) }
        }
        // 3. One to three numbers.
        if k0.contains(.number) { return numberRun(from: start, firstLength: l0) }
        // 4. An optional space, punctuation, trailing newlines.
        var punctuationStart = -1
        if c0 == 0x20, start + 1 < count {
            let (c1, l1) = scalar(at: start + 1)
            if Self.isPunctuation(classOf(c1)) { punctuationStart = start + 1 + l1 }
        }
        if punctuationStart < 0, Self.isPunctuation(k0) { punctuationStart = start + l0 }
        if punctuationStart >= 0 {
            var end = punctuationRun(from: punctuationStart)
            while end < count, bytes[end] == 0x0A || bytes[end] == 0x0D { end += 1 }
            return end
        }
        // 5–8. Whitespace.
        let ws = whitespaceRun(from: start)
        if ws.scalars == 0 { return start + l0 }  // Unreachable: every scalar is L, N, \s or other.
        if ws.end == count { return count }  // \s++$
        if ws.lastNewlineEnd >= 0 { return ws.lastNewlineEnd }  // \s*[\r\n]
        if ws.scalars >= 2 { return ws.lastStart }  // \s+(?!\S)
        return start + l0  // \s
    }
}
