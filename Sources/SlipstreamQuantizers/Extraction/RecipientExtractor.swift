import SlipstreamCore

/// Finds the agent a message is addressed to: "Tell bob to …" → `bob`, "Ask the qa team whether …" →
/// `qa_team`, "@carol …" → `carol`, "Dave, can you …" → `dave`.
///
/// Only explicit addressing counts; pronouns (`me`, `them`, `everyone`) never do.
public struct RecipientExtractor: Sendable, Hashable {
    public init() {}

    /// Verbs whose object is the recipient ("tell bob …").
    static let addressingVerbs: Set<String> = [
        "tell", "ask", "ping", "remind", "notify", "inform", "message", "alert", "update", "have", "get", "let",
        "warn", "cc", "contact", "email", "dm", "signal", "instruct",
    ]
    /// Verbs followed by "to X" ("hand off to bob").
    static let toVerbs: Set<String> = ["handoff", "off", "over", "escalate", "pass", "assign", "delegate", "forward", "send", "route", "transfer", "reassign"]
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

    /// The recipient named in `text`, as a strict v1 token, or nil.
    public func recipient(in text: String) -> String? {
        let words = Self.tokens(text)
        guard !words.isEmpty else { return nil }
        // "@name"
        for word in words where word.hasPrefix("@") && word.count > 1 {
            if let id = Self.agentID([String(word.dropFirst())]) { return id }
        }
        let lower = words.map { $0.lowercased() }
        // "Bob, can you …" / "Hey bob, …": a leading name followed by a comma.
        var first = 0
        if ["hey", "hi", "hello", "yo", "ok", "okay"].contains(lower[0].trimmingPunctuation) { first = 1 }
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
                    if word == "have" || word == "get" || word == "update" || word == "message" || word == "email" {
                        // "have bob …" only when a verb-like word follows ("have bob check"), not "have results".
                        guard i == 0 || [".", "!", "?", ",", ";", ":"].contains(lower[i - 1].last.map(String.init) ?? "") else { continue }
                    }
                    return id
                }
            }
            // "hand off to bob", "escalate to carol"
            if Self.toVerbs.contains(word), i + 2 < lower.count {
                var j = i + 1
                if ["this", "it", "that", "over", "off"].contains(lower[j].trimmingPunctuation), j + 1 < lower.count { j += 1 }
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
