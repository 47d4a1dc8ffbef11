import SlipstreamCore

/// Picks the salient terms of a message as strict v1 payload tokens (`auth_module`, `staging`).
///
/// The text is split at punctuation and stopwords into runs of content words; each run (at most
/// ``maxWordsPerToken`` words) becomes one snake_case token; the first ``maxTokens`` distinct tokens are kept.
/// Words that name the intent (`review`, `plan`) are dropped because the anchor already carries them, and
/// so is the recipient when one was found.
///
/// ASCII texts (nearly all messages) are read as bytes in one pass, without intermediate strings; other
/// texts go through the same rules on `Character`s.
///
/// ```swift
/// PayloadExtractor().extract(from: "Tell bob to review my authentication code", excluding: ["bob"])
/// // ["authentication_code"]
/// ```
public struct PayloadExtractor: Sendable, Hashable {
    /// At most this many tokens.
    public var maxTokens: Int
    /// At most this many words joined into one token.
    public var maxWordsPerToken: Int
    /// Tokens are cut to this many characters (v3 allows 30).
    public var maxTokenLength: Int

    public init(maxTokens: Int = 6, maxWordsPerToken: Int = 3, maxTokenLength: Int = 30) {
        self.maxTokens = maxTokens
        self.maxWordsPerToken = maxWordsPerToken
        self.maxTokenLength = maxTokenLength
    }

    /// The payload tokens of `text`, leaving out the words in `excluding` (lowercased).
    public func extract(from text: String, excluding: Set<String> = []) -> [String] {
        let fast = ASCIIText.withLowercased(text) { lower in
            extract(lowercasedASCII: lower) { word in
                !excluding.isEmpty && excluding.contains(String(decoding: word, as: UTF8.self))
            }
        }
        return fast ?? extractFromCharacters(text, excluding: excluding)
    }

    /// ``extract(from:excluding:)`` over the lowercased bytes of an ASCII text, in one pass; `isExcluded`
    /// says whether a (lowercased) word is left out.
    func extract(
        lowercasedASCII text: UnsafeBufferPointer<UInt8>, isExcluded: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [String] {
        let n = text.count
        guard n > 0 else { return [] }
        let table = WordClass.table
        // Scratch bytes: the current run's normalized words joined by `_` (normalizing turns `%` into
        // `pct`, so at most 4n), then one word's normalized form (at most 3n).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 7 * n + 8) { scratch in
            // Where each word of the run starts in the run's bytes.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: n + 1) { starts in
                var tokens: [String] = []
                tokens.reserveCapacity(min(max(maxTokens, 0), 8))
                let run = scratch.baseAddress!
                let wordScratch = run + 4 * n + 4
                var runLength = 0
                var runWords = 0

                func flush() {
                    defer {
                        runLength = 0
                        runWords = 0
                    }
                    guard runWords > 0, tokens.count < maxTokens else { return }
                    let words = max(0, min(maxWordsPerToken, runWords))
                    guard words > 0 else { return }
                    // The last `words` words, already joined by `_`.
                    let start = Int(starts[runWords - words])
                    var length = min(runLength - start, maxTokenLength)
                    while length > 0, run[start + length - 1] == 0x5F || run[start + length - 1] == 0x2E || run[start + length - 1] == 0x2D
                    {
                        length -= 1
                    }
                    guard length > 0 else { return }
                    let token = UnsafeBufferPointer(start: run + start, count: length)
                    for byte in token where !ASCIIText.isStrict(byte) { return }
                    for seen in tokens where ASCIIText.equals(seen, token) { return }
                    tokens.append(String(decoding: token, as: UTF8.self))
                }

                func word(_ start: Int, _ end: Int) {
                    let word = UnsafeBufferPointer(rebasing: text[start..<end])
                    if !WordClass.of(word, in: table).isDisjoint(with: [.english, .intent]) || isExcluded(word) {
                        flush()
                        return
                    }
                    ASCIIText.forEachNormalizedToken(of: word, scratch: wordScratch) { part in
                        if runWords > 0 {
                            run[runLength] = 0x5F
                            runLength += 1
                        }
                        starts[runWords] = Int32(truncatingIfNeeded: runLength)
                        runWords += 1
                        (run + runLength).update(from: part.baseAddress!, count: part.count)
                        runLength += part.count
                    }
                }

                // The word rules of `words(of:)`, on bytes: letters, digits and `_` make words; `.`, `-`,
                // `'` and `/` stay inside a word when a letter or digit follows, `%` always; other
                // punctuation separates runs; whitespace only ends a word.
                var wordStart = -1
                func close(at end: Int) {
                    guard wordStart >= 0 else { return }
                    var end = end
                    while end > wordStart, text[end - 1] == 0x2E || text[end - 1] == 0x2D || text[end - 1] == 0x27 || text[end - 1] == 0x2F
                    {
                        end -= 1
                    }
                    // Contractions: keep the stem ("team's" → "team", "don't" → "don").
                    var i = wordStart
                    while i < end, text[i] != 0x27 { i += 1 }
                    if i > wordStart { word(wordStart, i) }
                    wordStart = -1
                }
                var i = 0
                while i < n, tokens.count < maxTokens {
                    let c = text[i]
                    if ASCIIText.isAlnum(c) || c == 0x5F {
                        if wordStart < 0 { wordStart = i }
                    } else if wordStart >= 0, c == 0x2E || c == 0x2D || c == 0x27 || c == 0x25 || c == 0x2F {
                        if c != 0x25 && !(i + 1 < n && ASCIIText.isAlnum(text[i + 1])) {
                            close(at: i)
                            if tokens.count >= maxTokens { break }
                            flush()
                        }
                    } else {
                        close(at: i)
                        if tokens.count >= maxTokens { break }
                        if !ASCIIText.isWhitespace(c) { flush() }
                    }
                    i += 1
                }
                if tokens.count < maxTokens {
                    close(at: n)
                    flush()
                }
                return tokens
            }
        }
    }

    /// ``extract(from:excluding:)`` on `Character`s: the rules for texts that are not all ASCII (and the
    /// reference the ASCII path is tested against).
    func extractFromCharacters(_ text: String, excluding: Set<String>) -> [String] {
        var tokens: [String] = []
        var seen: Set<String> = []
        var run: [String] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty, tokens.count < maxTokens else { return }
            var token = run.suffix(maxWordsPerToken).joined(separator: "_")
            if token.utf8.count > maxTokenLength { token = String(token.prefix(maxTokenLength)) }
            while let last = token.last, last == "_" || last == "." || last == "-" { token.removeLast() }
            guard WireToken.isStrict(token), !seen.contains(token) else { return }
            seen.insert(token)
            tokens.append(token)
        }
        for word in Self.words(of: text) {
            switch word {
            case .separator:
                flush()
            case .word(let raw):
                let lower = raw.lowercased()
                if Stopwords.english.contains(lower) || excluding.contains(lower) {
                    flush()
                } else if Stopwords.intent.contains(lower) {
                    flush()
                } else {
                    for part in WireToken.normalize(lower) where !part.isEmpty {
                        run.append(part)
                    }
                }
            }
            if tokens.count >= maxTokens { break }
        }
        flush()
        return tokens
    }

    enum Piece: Equatable {
        case word(Substring)
        case separator
    }

    /// Words and separators: letters, digits and `.`/`-`/`%`/`/`/`'` inside words stay together; other
    /// punctuation separates runs.
    static func words(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            if let s = start {
                var word = text[s..<end]
                while let last = word.last, ".-'/%".contains(last) && last != "%" { word = word.dropLast() }
                if word.contains("'") {
                    // Contractions: keep the stem ("team's" → "team", "don't" → "don").
                    word = word[..<(word.firstIndex(of: "'") ?? word.endIndex)]
                }
                if !word.isEmpty { pieces.append(.word(word)) }
            }
            start = nil
        }
        while index < text.endIndex {
            let c = text[index]
            if c.isLetter || c.isNumber || c == "_" {
                if start == nil { start = index }
            } else if start != nil, c == "." || c == "-" || c == "'" || c == "%" || c == "/" || c == "’" {
                // inside a word only when followed by a letter/digit (or % at the end)
                let next = text.index(after: index)
                if c == "%" || (next < text.endIndex && (text[next].isLetter || text[next].isNumber)) {
                    // keep going
                } else {
                    close(at: index)
                    pieces.append(.separator)
                }
            } else {
                close(at: index)
                if !c.isWhitespace { pieces.append(.separator) }
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return pieces
    }
}
