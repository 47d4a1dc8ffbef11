import SlipstreamCore

/// One problem ``DatasetChecker`` found in a row: where, how serious, what.
public struct DatasetProblem: Sendable, Hashable, CustomStringConvertible {
    /// Errors make a file unfit for training as it is; warnings are worth a look.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error, warning
    }

    /// What kind of problem.
    public struct Code: Sendable, Hashable, Comparable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The line is longer than the limit (error).
        public static let lineTooLong = Code(rawValue: "line_too_long")
        /// The file has no row at all (error; reported once, at line 0).
        public static let noRows = Code(rawValue: "no_rows")
        /// A blank line between rows (warning: many JSONL readers fail on it).
        public static let blankLine = Code(rawValue: "blank_line")
        /// The line is not JSON (error).
        public static let notJSON = Code(rawValue: "not_json")
        /// JSON, but not a conversation of known roles with string texts (error).
        public static let wrongShape = Code(rawValue: "wrong_shape")
        /// No human or no gpt turn (error).
        public static let missingTurn = Code(rawValue: "missing_turn")
        /// No system turn (warning).
        public static let missingSystemPrompt = Code(rawValue: "missing_system_prompt")
        /// More than one system, human or gpt turn; the tools use the first (warning).
        public static let extraTurns = Code(rawValue: "extra_turns")
        /// The gpt turn has no SLIP wire, or one the lenient parser cannot repair (error).
        public static let unusableRecord = Code(rawValue: "unusable_record")
        /// A v1 anchor outside the codebook (error), or a v3 Force/Object pair outside the v3 codebook
        /// (warning: slipcore accepts any Object).
        public static let unknownAnchor = Code(rawValue: "unknown_anchor")
        /// The wire is of the other version than `--wire` asks for (error).
        public static let wrongVersion = Code(rawValue: "wrong_version")
        /// The wire is not strict; the problem carries the lenient repairs (error, or a warning when
        /// repaired wires are accepted).
        public static let wireNotStrict = Code(rawValue: "wire_not_strict")
        /// The QUANTIZE line leads to another anchor than the SLIP wire carries (error).
        public static let quantizeAnchorMismatch = Code(rawValue: "quantize_anchor_mismatch")
        /// The QUANTIZE dimension words are not the anchor's coordinates (error).
        public static let quantizeCoordinatesMismatch = Code(rawValue: "quantize_coordinates_mismatch")
        /// A QUANTIZE dimension word that is not a level of its dimension (error).
        public static let unknownQuantizeWord = Code(rawValue: "unknown_quantize_word")
        /// A v1 QUANTIZE line without all four dimension words, or without an anchor (warning).
        public static let incompleteQuantize = Code(rawValue: "incomplete_quantize")
        /// A QUANTIZE line of the other version's form (`Force=… Object=…` on a v1 wire or `[ACTION=…]` on a
        /// v3 one) (warning).
        public static let quantizeVersionMismatch = Code(rawValue: "quantize_version_mismatch")
        /// The system prompt describes the other wire version (warning).
        public static let systemPromptVersionMismatch = Code(rawValue: "system_prompt_version_mismatch")
        /// A turn with a replacement character, a control character or mojibake (warning).
        public static let damagedText = Code(rawValue: "damaged_text")
        /// The human text of an earlier row again, exactly or normalized, with the same anchor (warning).
        public static let duplicateText = Code(rawValue: "duplicate_text")
        /// The human text of a row of the reference file (`--against`): a test row also in training (error).
        public static let leakedText = Code(rawValue: "leaked_text")
        /// The human text of an earlier row again with another anchor: the data contradicts itself (error).
        public static let conflictingDuplicate = Code(rawValue: "conflicting_duplicate")
    }

    /// The 1-based line of the row.
    public var line: Int
    public var severity: Severity
    public var code: Code
    /// What is wrong, in words.
    public var message: String
    /// For ``Code/wireNotStrict``: the repairs the lenient parser makes, and the wire they lead to.
    public var repairs: [WireRepair]
    public var repairedWire: String?
    /// For duplicates: the earlier row's line.
    public var firstLine: Int?

    public init(
        line: Int, _ severity: Severity, _ code: Code, _ message: String, repairs: [WireRepair] = [],
        repairedWire: String? = nil, firstLine: Int? = nil
    ) {
        self.line = line
        self.severity = severity
        self.code = code
        self.message = message
        self.repairs = repairs
        self.repairedWire = repairedWire
        self.firstLine = firstLine
    }

    /// `line 12: error wire_not_strict: …`.
    public var description: String { "line \(line): \(severity) \(code): \(message)" }
}
