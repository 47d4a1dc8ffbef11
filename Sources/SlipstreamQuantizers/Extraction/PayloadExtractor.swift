import SlipstreamCore

/// Picks the salient terms of a message as strict v1 payload tokens (`auth_module`, `staging`).
///
/// The text is split at punctuation and stopwords into runs of content words; each run (at most
/// ``maxWordsPerToken`` words) becomes one snake_case token; the first ``maxTokens`` distinct tokens are kept.
/// Words that name the intent (`review`, `plan`) are dropped because the anchor already carries them, and
/// so is the recipient when one was found.
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
