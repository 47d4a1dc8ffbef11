import SlipstreamCore

/// Finds every problem of every row of a TQT JSONL file, one line at a time (memory grows by a few bytes
/// per row, for the duplicate check).
///
/// ```swift
/// var checker = DatasetChecker()
/// for (index, line) in lines.enumerated() {
///     for problem in checker.check(line, number: index + 1) { print(problem) }
/// }
/// checker.summary.passed   // no errors
/// ```
public struct DatasetChecker: Sendable {
    /// What the rows must be.
    public struct Configuration: Sendable {
        /// The wire version every row must have (nil: either).
        public var wire: WireVersion?
        /// Whether wires the lenient parser repairs are warnings rather than errors.
        public var acceptRepairedWires: Bool
        /// Wire limits and the v1 codebook.
        public var wireConfiguration: WireParser.Configuration
        /// The codebook v3 Force/Object pairs are looked up in.
        public var v3Codebook: UCR

        public init(
            wire: WireVersion? = nil, acceptRepairedWires: Bool = false,
            wireConfiguration: WireParser.Configuration = WireParser.Configuration(), v3Codebook: UCR = .v3
        ) {
            self.wire = wire
            self.acceptRepairedWires = acceptRepairedWires
            self.wireConfiguration = wireConfiguration
            self.v3Codebook = v3Codebook
        }
    }

    public let configuration: Configuration
    /// The totals so far.
    public private(set) var summary = DatasetCheckSummary()

    private let lenient: WireParser
    private let strict: WireParser
    /// The first row of each normalized human text: its line and its Force/Object pair.
    private var firstRows: [UInt64: (line: Int, anchor: String?)] = [:]
    private var exactTexts: Set<UInt64> = []
    /// The normalized human texts of a reference file (a training set a test set must not repeat).
    private var referenceTexts: [UInt64: Int] = [:]
    private var referenceName = ""

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        lenient = WireParser(profile: .lenient, configuration: configuration.wireConfiguration)
        strict = WireParser(profile: .strict, configuration: configuration.wireConfiguration)
    }

    /// Checks one line of the file (`number` is 1-based) and returns its problems.
    public mutating func check(_ line: String, number: Int) -> [DatasetProblem] {
        if line.allSatisfy(\.isWhitespace) {
            let problems = [DatasetProblem(line: number, .warning, .blankLine, "blank line between rows")]
            summary.add(problems, isRow: false)
            return problems
        }
        let problems = rowProblems(line, number: number)
        summary.add(problems, isRow: true)
        return problems
    }

    /// Records a line the reader refused as longer than `limit` bytes.
    public mutating func lineTooLong(number: Int, bytes: Int, limit: Int) -> DatasetProblem {
        let problem = DatasetProblem(
            line: number, .error, .lineTooLong, "the line is \(bytes) bytes, longer than the limit of \(limit) bytes; not read")
        summary.add([problem], isRow: true)
        return problem
    }

    /// Adds a human text of the reference file `name` (on its `line`): a checked row with the same text,
    /// after normalization, is a `leaked_text` error — the split ``DatasetSplitter`` makes never has one.
    public mutating func addReference(text: String, line: Int, name: String) {
        referenceName = name
        let key = TextKey(text).normalized
        if referenceTexts[key] == nil { referenceTexts[key] = line }
    }

    /// Ends the check: an error when the file had no row at all.
    public mutating func finish() -> [DatasetProblem] {
        guard summary.rows == 0 else { return [] }
        let problem = DatasetProblem(line: 0, .error, .noRows, "the file has no rows")
        summary.counts[.error, default: [:]][.noRows, default: 0] += 1
        summary.errors += 1
        return [problem]
    }

    private mutating func rowProblems(_ line: String, number: Int) -> [DatasetProblem] {
        let row: DatasetRow
        do {
            row = try DatasetRow(jsonLine: line)
        } catch {
            let code: DatasetProblem.Code =
                switch error.code {
                case .notJSON: .notJSON
                case .missingTurn: .missingTurn
                default: .wrongShape
                }
            return [DatasetProblem(line: number, .error, code, error.message)]
        }
        var problems: [DatasetProblem] = []
        func add(_ severity: DatasetProblem.Severity, _ code: DatasetProblem.Code, _ message: String) {
            problems.append(DatasetProblem(line: number, severity, code, message))
        }
        if row.system == nil { add(.warning, .missingSystemPrompt, "the conversation has no system turn") }
        let extra = DatasetRow.Role.allCases.filter { row.count(of: $0) > 1 }
            .map { "\(row.count(of: $0)) \(row.layout.name(of: $0)) turns" }
        if !extra.isEmpty {
            add(.warning, .extraTurns, "the conversation has \(extra.joined(separator: ", ")); the first of each is used")
        }
        for role in DatasetRow.Role.allCases {
            if let text = row.text(of: role), let damage = Self.damage(in: text) {
                add(.warning, .damagedText, "the \(row.layout.name(of: role)) turn \(damage)")
            }
        }
        let human = row.human ?? ""
        let record: TQTRecord
        do {
            record = try TQTRecord.parse(row.gpt ?? "", parser: lenient)
        } catch {
            if let wireError = error.wireError, wireError.code == .unknownAnchor {
                add(.error, .unknownAnchor, "the SLIP wire's \(wireError.message)")
            } else {
                add(.error, .unusableRecord, "the gpt turn is not a usable TQT record: \(error.message)")
            }
            problems += duplicateProblems(human, anchor: nil, number: number)
            return problems
        }
        let message = record.message
        if let wanted = configuration.wire, message.version != wanted {
            add(.error, .wrongVersion, "the SLIP wire is \(message.version.rawValue), expected \(wanted.rawValue)")
        }
        if !record.repairs.isEmpty { problems.append(strictnessProblem(record, number: number)) }
        if message.version == .v3, configuration.v3Codebook.anchor(force: message.force, object: message.object) == nil {
            add(
                .warning, .unknownAnchor,
                "\(message.force.rawValue) \(message.object) is not in the v3 codebook (slipcore accepts any Object, but the codebook has no meaning for it)"
            )
        }
        if let quantize = record.quantize {
            for (severity, code, text) in quantizeProblems(quantize, message: message) { add(severity, code, text) }
        }
        if let system = row.system, let described = Self.describedVersion(system), described != message.version {
            add(
                .warning, .systemPromptVersionMismatch,
                "the system prompt describes SLIP \(described.rawValue) wires but the SLIP wire is \(message.version.rawValue)")
        }
        problems += duplicateProblems(human, anchor: "\(message.force.rawValue) \(message.object)", number: number)
        return problems
    }

    /// The wire is not strict: what the strict parser says, and what the lenient one repairs.
    private func strictnessProblem(_ record: TQTRecord, number: Int) -> DatasetProblem {
        var reason = ""
        do throws(WireError) {
            _ = try strict.parse(record.rawWire)
        } catch {
            reason = ": \(error.message)"
        }
        let repairs = record.repairs.map(\.description).joined(separator: "; ")
        return DatasetProblem(
            line: number, configuration.acceptRepairedWires ? .warning : .error, .wireNotStrict,
            "the SLIP wire is not strict\(reason); the lenient repair (\(repairs)) gives `\(record.wire)`",
            repairs: record.repairs, repairedWire: record.wire)
    }

    /// The version a system prompt describes (`SLIP v3` anywhere, else `SLIP v1`), if any.
    static func describedVersion(_ system: String) -> WireVersion? {
        if system.contains("SLIP v3") { return .v3 }
        if system.contains("SLIP v1") { return .v1 }
        return nil
    }

    /// A text of the reference file again (an error), and duplicates of an earlier row's human text (a
    /// warning, or an error when the anchors differ).
    private mutating func duplicateProblems(_ text: String, anchor: String?, number: Int) -> [DatasetProblem] {
        let key = TextKey(text)
        var problems: [DatasetProblem] = []
        if let line = referenceTexts[key.normalized] {
            problems.append(
                DatasetProblem(
                    line: number, .error, .leakedText,
                    "the same human text (after normalization) as line \(line) of \(referenceName): the row is in both sets"))
        }
        return problems + localDuplicateProblems(key, anchor: anchor, number: number)
    }

    private mutating func localDuplicateProblems(_ key: TextKey, anchor: String?, number: Int) -> [DatasetProblem] {
        let isExact = !exactTexts.insert(key.exact).inserted
        guard let first = firstRows[key.normalized] else {
            firstRows[key.normalized] = (number, anchor)
            return []
        }
        let how =
            isExact
            ? "the same human text as line \(first.line)"
            : "the same human text as line \(first.line) after normalization (case, punctuation, spacing)"
        if let anchor, let other = first.anchor, anchor != other {
            return [
                DatasetProblem(
                    line: number, .error, .conflictingDuplicate, "\(how), which is labelled \(other); this row is labelled \(anchor)",
                    firstLine: first.line)
            ]
        }
        return [DatasetProblem(line: number, .warning, .duplicateText, how, firstLine: first.line)]
    }
}
