/// The lists a word is on, for the extractors' byte path: one ``ByteWordTable`` probe per word.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16

    /// ``Stopwords/english``.
    static let english = WordClass(rawValue: 1 << 0)
    /// ``Stopwords/intent``.
    static let intent = WordClass(rawValue: 1 << 1)
    /// ``RecipientExtractor/pronouns``.
    static let pronoun = WordClass(rawValue: 1 << 2)
    /// ``RecipientExtractor/addressingVerbs``.
    static let addressingVerb = WordClass(rawValue: 1 << 3)
    /// ``RecipientExtractor/toVerbs``.
    static let toVerb = WordClass(rawValue: 1 << 4)
    /// ``RecipientExtractor/groupNouns``.
    static let groupNoun = WordClass(rawValue: 1 << 5)
    /// ``RecipientExtractor/greetings``.
    static let greeting = WordClass(rawValue: 1 << 6)
    /// ``RecipientExtractor/toVerbObjects``.
    static let toVerbObject = WordClass(rawValue: 1 << 7)
    /// ``RecipientExtractor/clauseVerbs``.
    static let clauseVerb = WordClass(rawValue: 1 << 8)
    /// The literal words the recipient rules compare with.
    static let the = WordClass(rawValue: 1 << 9)
    static let to = WordClass(rawValue: 1 << 10)
    static let know = WordClass(rawValue: 1 << 11)
    static let `let` = WordClass(rawValue: 1 << 12)

    /// Each class with its word list.
    static let lists: [(WordClass, Set<String>)] = [
        (.english, Stopwords.english), (.intent, Stopwords.intent), (.pronoun, RecipientExtractor.pronouns),
        (.addressingVerb, RecipientExtractor.addressingVerbs), (.toVerb, RecipientExtractor.toVerbs),
        (.groupNoun, RecipientExtractor.groupNouns), (.greeting, RecipientExtractor.greetings),
        (.toVerbObject, RecipientExtractor.toVerbObjects), (.clauseVerb, RecipientExtractor.clauseVerbs),
        (.the, ["the"]), (.to, ["to"]), (.know, ["know"]), (.let, ["let"]),
    ]

    /// Every listed word with its classes.
    static let table: ByteWordTable = {
        var values: [String: UInt16] = [:]
        for (wordClass, words) in lists {
            for word in words { values[word, default: 0] |= wordClass.rawValue }
        }
        return ByteWordTable(values)
    }()

    /// The classes of the word spelled by `bytes` (lowercase ASCII).
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, in table: ByteWordTable) -> WordClass {
        WordClass(rawValue: table.value(of: bytes))
    }
}
