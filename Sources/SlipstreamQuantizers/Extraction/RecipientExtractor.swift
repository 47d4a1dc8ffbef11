import SlipstreamCore

/// Finds the agent a message is addressed to: "Tell bob to …" → `bob`, "Ask the qa team whether …" →
/// `qa_team`, "@carol …" → `carol`, "Dave, can you …" → `dave`.
///
/// Only explicit addressing counts; pronouns (`me`, `them`, `everyone`) never do. ASCII texts are read as
/// bytes without intermediate strings; other texts go through the same rules on `Character`s.
public struct RecipientExtractor: Sendable, Hashable {
    public init() {}

    /// Verbs whose object is the recipient ("tell bob …").
    static let addressingVerbs: Set<String> = [
        "tell", "ask", "ping", "remind", "notify", "inform", "message", "alert", "update", "have", "get", "let",
        "warn", "cc", "contact", "email", "dm", "signal", "instruct",
    ]
    /// Verbs followed by "to X" ("hand off to bob").
    static let toVerbs: Set<String> = [
        "handoff", "off", "over", "escalate", "pass", "assign", "delegate", "forward", "send", "route", "transfer", "reassign",
    ]
    /// Words that complete a group name ("qa team").
    static let groupNouns: Set<String> = ["team", "agent", "bot", "lead", "group", "squad", "crew", "service"]
    /// Never recipients.
    static let pronouns: Set<String> = [
        "me", "us", "you", "him", "her", "them", "it", "this", "that", "everyone", "everybody", "someone",
        "somebody", "anyone", "all", "people", "folks", "guys", "the", "a", "an", "my", "our", "your", "their",
        "his", "its", "to", "know", "about", "if", "whether", "what", "how", "why", "when", "we", "i", "they",
        "there", "here", "please", "can", "could", "would", "will", "should", "is", "are", "be", "and", "or",
        "up", "back", "in", "on", "out", "off", "over", "ahead",
    ]
    /// Greetings before a leading name ("Hey bob, …").
    static let greetings: Set<String> = ["hey", "hi", "hello", "yo", "ok", "okay"]
    /// Words between a `toVerbs` verb and "to" ("pass this to bob").
    static let toVerbObjects: Set<String> = ["this", "it", "that", "over", "off"]
    /// Addressing verbs that also start ordinary clauses ("have results"): they address only at the start
    /// of a sentence or clause.
    static let clauseVerbs: Set<String> = ["have", "get", "update", "message", "email"]

    /// The recipient named in `text`, as a strict v1 token, or nil.
    public func recipient(in text: String) -> String? {
        if let found = ASCIIText.withLowercased(text, { recipient(lowercasedASCII: $0) }) { return found }
        return recipientFromCharacters(text)
    }

    /// ``recipient(in:)`` over the lowercased bytes of an ASCII text.
    func recipient(lowercasedASCII text: UnsafeBufferPointer<UInt8>) -> String? {
        let n = text.count
        var wordCount = 0
        var inWord = false
        for byte in text {
            let isSpace = ASCIIText.isWhitespace(byte)
            if !isSpace && !inWord { wordCount += 1 }
            inWord = !isSpace
        }
        guard wordCount > 0 else { return nil }
        // The whitespace-separated words: start, end, the trimmed word's start and end, its classes.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5 * wordCount) { words -> String? in
            let table = WordClass.table
            var count = 0
            var i = 0
            while i < n {
                while i < n, ASCIIText.isWhitespace(text[i]) { i += 1 }
                guard i < n else { break }
                let start = i
                while i < n, !ASCIIText.isWhitespace(text[i]) { i += 1 }
                // Without surrounding punctuation (`trimmingPunctuation`): `@` may lead, `_` stays.
                var trimmedStart = start
                var trimmedEnd = i
                while trimmedStart < trimmedEnd,
                    !(ASCIIText.isAlnum(text[trimmedStart]) || text[trimmedStart] == 0x40 || text[trimmedStart] == 0x5F)
                {
                    trimmedStart += 1
                }
                while trimmedEnd > trimmedStart, !(ASCIIText.isAlnum(text[trimmedEnd - 1]) || text[trimmedEnd - 1] == 0x5F) {
                    trimmedEnd -= 1
                }
                let classes = WordClass.of(UnsafeBufferPointer(rebasing: text[trimmedStart..<trimmedEnd]), in: table)
                words[5 * count] = Int32(truncatingIfNeeded: start)
                words[5 * count + 1] = Int32(truncatingIfNeeded: i)
                words[5 * count + 2] = Int32(truncatingIfNeeded: trimmedStart)
                words[5 * count + 3] = Int32(truncatingIfNeeded: trimmedEnd)
                words[5 * count + 4] = Int32(classes.rawValue)
                count += 1
            }
            guard count > 0 else { return nil }
            return recipient(in: Words(text: text, words: UnsafeBufferPointer(rebasing: words[0..<5 * count])))
        }
    }

    /// The words of a lowercased ASCII text.
    private struct Words {
        let text: UnsafeBufferPointer<UInt8>
        /// Per word: start, end, trimmed start, trimmed end, classes.
        let words: UnsafeBufferPointer<Int32>

        var count: Int { words.count / 5 }

        /// Word `k` as written.
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: text[Int(words[5 * k])..<Int(words[5 * k + 1])])
        }

        /// Word `k`'s last byte.
        func last(_ k: Int) -> UInt8 { text[Int(words[5 * k + 1]) - 1] }

        /// Word `k` without surrounding punctuation (``Swift/String/trimmingPunctuation``).
        func trimmed(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: text[Int(words[5 * k + 2])..<Int(words[5 * k + 3])])
        }

        /// The lists the trimmed word `k` is on.
        func classes(_ k: Int) -> WordClass { WordClass(rawValue: UInt16(truncatingIfNeeded: words[5 * k + 4])) }
    }

    private func recipient(in words: Words) -> String? {
        let count = words.count
        // "@name"
        for k in 0..<count {
            let word = words.word(k)
            if word.count > 1, word[0] == 0x40, let id = Self.agentID(UnsafeBufferPointer(rebasing: word[1...])) { return id }
        }
        // "Bob, can you …" / "Hey bob, …": a leading name followed by a comma.
        var first = 0
        if words.classes(0).contains(.greeting) { first = 1 }
        if first < count, words.last(first) == 0x2C, count > first + 1 {
            let word = words.word(first)
            let name = UnsafeBufferPointer(rebasing: word[..<(word.count - 1)])
            if let head = name.first, ASCIIText.isLetter(head),
                WordClass.of(name, in: WordClass.table).isDisjoint(with: [.pronoun, .english]), let id = Self.agentID(name)
            {
                return id
            }
        }
        for i in 0..<count {
            let classes = words.classes(i)
            guard !classes.isDisjoint(with: [.addressingVerb, .toVerb]) else { continue }
            // "tell bob to …", "ask the qa team whether …"
            if classes.contains(.addressingVerb), i + 1 < count, words.last(i) != 0x2C {
                if let id = name(after: i + 1, in: words), !classes.contains(.let) || follows(.know, after: i + 1, in: words) {
                    if classes.contains(.clauseVerb) {
                        // "have bob …" only when a verb-like word follows ("have bob check"), not "have results".
                        guard i == 0 || Self.isClauseEnd(words.last(i - 1)) else { continue }
                    }
                    return id
                }
            }
            // "hand off to bob", "escalate to carol"
            if classes.contains(.toVerb), i + 2 < count {
                var j = i + 1
                if words.classes(j).contains(.toVerbObject), j + 1 < count { j += 1 }
                if words.classes(j).contains(.to), let id = name(after: j + 1, in: words) { return id }
            }
        }
        return nil
    }

    /// `.`, `!`, `?`, `,`, `;` or `:`.
    private static func isClauseEnd(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x2C || byte == 0x3B || byte == 0x3A
    }

    /// Whether a word of class `word` (one literal word) appears within the four words from `start`.
    private func follows(_ word: WordClass, after start: Int, in words: Words) -> Bool {
        for k in start..<min(words.count, start + 4) where words.classes(k).contains(word) { return true }
        return false
    }

    /// The name starting at word `start` ("bob", "the qa team" → qa_team), or nil.
    private func name(after start: Int, in words: Words) -> String? {
        var i = start
        guard i < words.count else { return nil }
        let startsWithThe = words.classes(i).contains(.the)
        if startsWithThe, i + 1 < words.count { i += 1 }
        let head = words.trimmed(i)
        let classes = words.classes(i)
        guard let initial = head.first, ASCIIText.isLetter(initial), !classes.contains(.pronoun),
            !classes.contains(.english) || classes.contains(.groupNoun)
        else { return nil }
        let group = words.last(i) != 0x2C && i + 1 < words.count && words.classes(i + 1).contains(.groupNoun)
        if startsWithThe && !group && !classes.contains(.groupNoun) {
            // "tell the results …" is not an address; "tell the qa team" is.
            return nil
        }
        return Self.agentID(head, group ? words.trimmed(i + 1) : nil)
    }

    /// ``agentID(_:)`` of lowercased ASCII words, without intermediate strings.
    static func agentID(_ head: UnsafeBufferPointer<UInt8>, _ tail: UnsafeBufferPointer<UInt8>? = nil) -> String? {
        let total = head.count + (tail?.count ?? 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 7 * total + 8) { buffer -> String? in
            let out = buffer.baseAddress!
            let scratch = out + 4 * total + 4
            var length = 0
            func append(_ token: UnsafeBufferPointer<UInt8>) {
                if length > 0 {
                    out[length] = 0x5F
                    length += 1
                }
                (out + length).update(from: token.baseAddress!, count: token.count)
                length += token.count
            }
            ASCIIText.forEachNormalizedToken(of: head, scratch: scratch, append)
            if let tail { ASCIIText.forEachNormalizedToken(of: tail, scratch: scratch, append) }
            guard length > 0, length <= 20 else { return nil }
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
    }

    /// ``recipient(in:)`` on `Character`s: the rules for texts that are not all ASCII (and the reference the
    /// ASCII path is tested against).
    func recipientFromCharacters(_ text: String) -> String? {
        let words = Self.tokens(text)
        guard !words.isEmpty else { return nil }
        // "@name"
        for word in words where word.hasPrefix("@") && word.count > 1 {
            if let id = Self.agentID([String(word.dropFirst())]) { return id }
        }
        let lower = words.map { $0.lowercased() }
        // "Bob, can you …" / "Hey bob, …": a leading name followed by a comma.
        var first = 0
        if Self.greetings.contains(lower[0].trimmingPunctuation) { first = 1 }
        if first < words.count, words[first].hasSuffix(","), words.count > first + 1 {
            let name = String(lower[first].dropLast())
            if !Self.pronouns.contains(name), !Stopwords.english.contains(name), name.first?.isLetter == true,
                let id = Self.agentID([name])
            {
                return id
            }
        }
        for i in lower.indices {
            let word = lower[i].trimmingPunctuation
            // "tell bob to …", "ask the qa team whether …"
            if Self.addressingVerbs.contains(word), i + 1 < lower.count, !lower[i].hasSuffix(",") {
                if let id = name(after: i + 1, in: lower), word != "let" || Self.follows("know", after: i + 1, in: lower) {
                    if Self.clauseVerbs.contains(word) {
                        // "have bob …" only when a verb-like word follows ("have bob check"), not "have results".
                        guard i == 0 || [".", "!", "?", ",", ";", ":"].contains(lower[i - 1].last.map(String.init) ?? "") else { continue }
                    }
                    return id
                }
            }
            // "hand off to bob", "escalate to carol"
            if Self.toVerbs.contains(word), i + 2 < lower.count {
                var j = i + 1
                if Self.toVerbObjects.contains(lower[j].trimmingPunctuation), j + 1 < lower.count { j += 1 }
                if lower[j].trimmingPunctuation == "to", let id = name(after: j + 1, in: lower) { return id }
            }
        }
        return nil
    }

    /// Whether `word` appears within two words after `start`.
    static func follows(_ word: String, after start: Int, in words: [String]) -> Bool {
        words[start..<min(words.count, start + 4)].contains { $0.trimmingPunctuation == word }
    }

    /// The name starting at `start` ("bob", "the qa team" → qa_team), or nil.
    private func name(after start: Int, in words: [String]) -> String? {
        var i = start
        guard i < words.count else { return nil }
        if words[i].trimmingPunctuation == "the", i + 1 < words.count { i += 1 }
        let head = words[i].trimmingPunctuation
        guard !head.isEmpty, !Self.pronouns.contains(head), !Stopwords.english.contains(head) || Self.groupNouns.contains(head),
            head.first?.isLetter == true
        else { return nil }
        var parts = [head]
        if !words[i].hasSuffix(","), i + 1 < words.count, Self.groupNouns.contains(words[i + 1].trimmingPunctuation) {
            parts.append(words[i + 1].trimmingPunctuation)
        }
        if words[start].trimmingPunctuation == "the" && parts.count == 1 && !Self.groupNouns.contains(head) {
            // "tell the results …" is not an address; "tell the qa team" is.
            return nil
        }
        return Self.agentID(parts)
    }

    /// A strict agent id from words, or nil.
    static func agentID(_ parts: [String]) -> String? {
        let id = parts.flatMap { WireToken.normalize($0.lowercased()) }.joined(separator: "_")
        guard !id.isEmpty, id.utf8.count <= 20, WireToken.isStrict(id) else { return nil }
        return id
    }

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}

extension String {
    /// The word without surrounding punctuation.
    var trimmingPunctuation: String {
        var s = Substring(self)
        while let c = s.first, !(c.isLetter || c.isNumber || c == "@" || c == "_") { s = s.dropFirst() }
        while let c = s.last, !(c.isLetter || c.isNumber || c == "_") { s = s.dropLast() }
        return String(s)
    }
}
