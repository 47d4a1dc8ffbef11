/// Words the payload extractor leaves out: function words, pronouns, politeness, and the verbs and nouns
/// the anchor already says (`review`, `plan`, `help`, …).
enum Stopwords {
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "etc", "ever", "every",
        "few", "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "let", "lets", "like", "ll", "m", "may", "me", "might", "more", "most", "much",
        "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
        "our", "ours", "ourselves", "out", "over", "own", "re", "s", "same", "shall", "she", "should", "so",
        "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve", "very",
        "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will",
        "with", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "d", "don", "didn", "doesn",
        "isn", "aren", "wasn", "weren", "won", "wouldn", "shouldn", "couldn", "can't", "cannot", "haven",
        "hasn", "hadn", "ok", "okay", "yes", "yeah", "hey", "hi", "hello", "thanks", "thank", "please", "pls",
        "kindly", "think", "guess", "want", "wanted", "wants", "need", "needs", "needed", "going", "gonna",
        "make", "sure", "really", "quite", "still", "already", "soon", "asap", "today", "tomorrow", "someone",
        "something", "anything", "everything", "everyone", "anyone", "way", "thing", "things", "one", "lot",
        "bit", "able", "current", "currently", "new", "next", "last", "look", "looks", "take", "give", "go",
        "know", "see", "tell", "ask", "ping", "remind", "notify", "team",
    ]

    /// Words that name the intent itself; the anchor carries them.
    static let intent: Set<String> = [
        "review", "reviews", "reviewing", "check", "checking", "plan", "planning", "help", "helping", "assist",
        "assistance", "support", "task", "approve", "approved", "approval", "reject", "rejected", "accept",
        "accepted", "agree", "agreed", "disagree", "propose", "proposing", "proposal", "suggest", "suggesting",
        "suggestion", "complete", "completed", "finished", "done", "progress", "status", "update", "blocked",
        "stuck", "handoff", "hand", "handing", "ack", "acknowledged", "received", "understood", "lgtm",
        "alternative", "instead", "change", "create", "generate", "write", "prepare", "draft", "run", "perform",
        "execute", "implement", "working", "work", "works", "good", "great", "nice", "bad",
    ]
}
