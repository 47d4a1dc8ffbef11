import SlipstreamCore
import SlipstreamDatasets
import SlipstreamTestSupport
import Testing

@Suite struct DatasetCheckerTests {
    static let v1Prompt = "Wire format: SLIP v1 <src> <dst> <anchor> [payload...]"
    static let v3Prompt = "Wire format: SLIP v3 <src> <dst> <Force> <Object> [payload...]"
    static let quantizeReview = "QUANTIZE: [ACTION=request | DOMAIN=evaluation | URGENCY=normal | POLARITY=neutral] -> RequestReview"

    /// A ShareGPT row line.
    static func row(system: String? = v1Prompt, _ gpt: String, human: String = "Review my auth code") -> String {
        DatasetRow(system: system, human: human, gpt: gpt).json.pythonLineText
    }

    /// The problems of `lines` (numbered from 1) and the checker after them.
    static func check(
        _ lines: [String], _ configuration: DatasetChecker.Configuration = .init()
    ) -> (problems: [DatasetProblem], summary: DatasetCheckSummary) {
        var checker = DatasetChecker(configuration: configuration)
        let problems = lines.enumerated().flatMap { checker.check($1, number: $0 + 1) }
        return (problems, checker.summary)
    }

    /// The one problem of one row.
    static func only(_ line: String, _ configuration: DatasetChecker.Configuration = .init()) throws -> DatasetProblem {
        let problems = check([line], configuration).problems
        #expect(problems.count == 1, "\(problems)")
        return try #require(problems.first)
    }

    @Test func aGoodRecordHasNoProblem() {
        let line = Self.row("THOUGHT: bob should review it\n\(Self.quantizeReview)\nSLIP: SLIP v1 alice bob RequestReview auth_module")
        let result = Self.check([line])
        #expect(result.problems.isEmpty)
        #expect(result.summary.passed && result.summary.cleanRows == 1)
    }

    @Test(arguments: [
        ("", DatasetProblem.Severity.warning, DatasetProblem.Code.blankLine),
        ("{\"conversations\": [", .error, .notJSON),
        (#"{"conversations": [{"from": "human", "value": "hi"}]}"#, .error, .missingTurn),
        (#"{"conversations": [{"from": "bot", "value": "hi"}]}"#, .error, .wrongShape),
        (row(system: nil, "SLIP: SLIP v1 a b MetaAck"), .warning, .missingSystemPrompt),
        (row("THOUGHT: I should ask bob"), .error, .unusableRecord),
        (row("SLIP: SLIP v1 a b Frobnicate x"), .error, .unknownAnchor),
        (row(system: v3Prompt, "SLIP: SLIP v3 a b Request Frobnicate x"), .warning, .unknownAnchor),
        (row("SLIP: SLIP v1 a b RequestTask x\nQUANTIZE: Force=Request Object=Task"), .warning, .quantizeVersionMismatch),
        (
            row(
                "QUANTIZE: [ACTION=request | DOMAIN=plan | URGENCY=elevated | POLARITY=neutral] -> RequestPlan\nSLIP: SLIP v1 a b RequestTask x"
            ), .error, .quantizeAnchorMismatch
        ),
        (row(system: v3Prompt, "QUANTIZE: Force=Request Object=Plan\nSLIP: SLIP v3 a b Request Task x"), .error, .quantizeAnchorMismatch),
        (row("QUANTIZE: [ANCHOR=InformStatus] -> InformStatus\nSLIP: SLIP v1 a b InformStatus x"), .warning, .incompleteQuantize),
        (row(system: v3Prompt, "SLIP: SLIP v1 a b MetaAck"), .warning, .systemPromptVersionMismatch),
    ])
    func findsEachKindOfProblem(line: String, severity: DatasetProblem.Severity, code: DatasetProblem.Code) throws {
        let problem = try Self.only(line)
        #expect(problem.severity == severity)
        #expect(problem.code == code, "\(problem)")
        #expect(problem.line == 1)
    }

    @Test func aRowWithTwoHumanTurnsIsAWarningAndTheFirstIsUsed() throws {
        let row = DatasetRow(turns: [
            .init(.system, Self.v1Prompt), .init(.human, "a"), .init(.human, "b"), .init(.gpt, "SLIP v1 a b MetaAck"),
        ])
        let problem = try Self.only(row.json.pythonLineText)
        #expect(problem.code == .extraTurns && problem.severity == .warning)
        #expect(problem.message.contains("2 human turns"))
    }

    @Test func anUnknownAnchorIsNamed() throws {
        let problem = try Self.only(Self.row("SLIP: SLIP v1 a b RequestReviews x"))
        #expect(problem.code == .unknownAnchor)
        #expect(problem.message == "the SLIP wire's unknown anchor \"RequestReviews\": not in the v1 codebook")
    }

    @Test func aQuantizeLineWithoutDimensionWordsIsAWarning() throws {
        let problem = try Self.only(Self.row("QUANTIZE: -> RequestTask\nSLIP: SLIP v1 a b RequestTask x"))
        #expect(problem.code == .incompleteQuantize && problem.severity == .warning)
        #expect(problem.message == "the QUANTIZE line has no dimension words (ACTION, POLARITY, DOMAIN, URGENCY)")
    }

    @Test func aWireThatNeedsARepairIsAnErrorNamingTheRepair() throws {
        let problem = try Self.only(Self.row("SLIP: SLIP v1 a b RequestTask x:y"))
        #expect(problem.code == .wireNotStrict && problem.severity == .error)
        #expect(problem.repairedWire == "SLIP v1 a b RequestTask x y")
        #expect(problem.repairs.map(\.code) == [.splitToken])
        #expect(problem.message.contains("\"x:y\" has a character outside"))
        #expect(problem.message.contains("`SLIP v1 a b RequestTask x y`"))

        let lenient = try Self.only(Self.row("SLIP: SLIP v1 a b RequestTask x:y"), .init(acceptRepairedWires: true))
        #expect(lenient.severity == .warning)
    }

    @Test func aWireOfTheOtherVersionIsAnErrorWhenAVersionIsAsked() throws {
        let problem = try Self.only(Self.row("SLIP: SLIP v1 a b MetaAck"), .init(wire: .v3))
        #expect(problem.code == .wrongVersion && problem.severity == .error)
        #expect(Self.check([Self.row("SLIP: SLIP v1 a b MetaAck")], .init(wire: .v1)).problems.isEmpty)
    }

    @Test func dimensionWordsMustBeTheAnchorsCoordinates() throws {
        // RequestReview is (request, neutral, evaluation, normal); the row says DOMAIN=task, URGENCY=high.
        let line = Self.row(
            "QUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=high | POLARITY=neutral] -> RequestReview\nSLIP: SLIP v1 a b RequestReview x"
        )
        let problem = try Self.only(line)
        #expect(problem.code == .quantizeCoordinatesMismatch && problem.severity == .error)
        #expect(problem.message.contains("DOMAIN=task (level 0) where it has evaluation (3)"))
        #expect(problem.message.contains("URGENCY=high (level 5) where it has normal (3)"))
        #expect(!problem.message.contains("ACTION"))
    }

    @Test func anUnknownDimensionWordIsAnError() throws {
        let line = Self.row(
            "QUANTIZE: [ACTION=request | DOMAIN=banana | URGENCY=normal | POLARITY=neutral] -> RequestReview\nSLIP: SLIP v1 a b RequestReview x"
        )
        let problem = try Self.only(line)
        #expect(problem.code == .unknownQuantizeWord)
        #expect(problem.message.contains("DOMAIN=banana is not a level of DOMAIN"))
    }

    @Test func duplicatesAreWarningsAndConflictingDuplicatesErrors() {
        let lines = [
            Self.row("SLIP: SLIP v1 a b RequestTask x", human: "Deploy the model!"),
            Self.row("SLIP: SLIP v1 a b RequestTask y", human: "Deploy the model!"),
            Self.row("SLIP: SLIP v1 a b RequestTask z", human: "deploy the   model"),
            Self.row("SLIP: SLIP v1 a b RequestHelp x", human: "Deploy the model"),
        ]
        let result = Self.check(lines)
        #expect(result.problems.map(\.code) == [.duplicateText, .duplicateText, .conflictingDuplicate])
        #expect(result.problems.map(\.line) == [2, 3, 4])
        #expect(result.problems.allSatisfy { $0.firstLine == 1 })
        #expect(result.problems[0].message == "the same human text as line 1")
        #expect(result.problems[1].message.contains("after normalization"))
        #expect(result.problems[2].message.contains("labelled Request Task; this row is labelled Request Help"))
        #expect(result.summary.errors == 1 && result.summary.warnings == 2 && !result.summary.passed)
        #expect(result.summary.rowsWithErrors == 1 && result.summary.rowsWithOnlyWarnings == 2 && result.summary.cleanRows == 1)
    }

    @Test func aTextOfTheReferenceFileIsALeak() {
        var checker = DatasetChecker()
        checker.addReference(text: "Deploy the model!", line: 12, name: "train.jsonl")
        let leaked = checker.check(Self.row("SLIP: SLIP v1 a b RequestTask x", human: "deploy the model"), number: 1)
        #expect(leaked.map(\.code) == [.leakedText])
        #expect(leaked.first?.severity == .error)
        #expect(leaked.first?.message == "the same human text (after normalization) as line 12 of train.jsonl: the row is in both sets")
        #expect(checker.check(Self.row("SLIP: SLIP v1 a b RequestTask x", human: "Deploy it"), number: 2).isEmpty)
    }

    @Test func aFileWithoutRowsIsAnError() {
        var checker = DatasetChecker()
        _ = checker.check("", number: 1)
        #expect(checker.finish().map(\.code) == [.noRows])
        #expect(!checker.summary.passed)
        var withRows = DatasetChecker()
        _ = withRows.check(Self.row("SLIP: SLIP v1 a b MetaAck"), number: 1)
        #expect(withRows.finish().isEmpty)
    }

    @Test(arguments: [
        ("TensorFlow Recommendersā‚¢ solution", "looks like mojibake (\"ā‚\""), ("cafÃ© au lait", "looks like mojibake (\"Ã©\""),
        ("bad \u{FFFD} byte", "replacement character"), ("bell \u{7}", "control character U+0007"),
    ])
    func damagedTextIsAWarning(text: String, words: String) throws {
        let problem = try Self.only(Self.row("SLIP: SLIP v1 a b MetaAck", human: text))
        #expect(problem.code == .damagedText && problem.severity == .warning)
        #expect(problem.message.contains(words), "\(problem.message)")
    }

    @Test(arguments: ["café", "São Paulo", "naïve “quotes” — dash", "Ünïcödé rëvíew", "日本語", "tabs\tand\nnewlines"])
    func ordinaryTextIsNotDamaged(text: String) {
        #expect(Self.check([Self.row("SLIP: SLIP v1 a b MetaAck", human: text)]).problems.isEmpty)
    }

    @Test func anOverlongLineIsAnError() {
        var checker = DatasetChecker()
        let problem = checker.lineTooLong(number: 3, bytes: 2_000_000, limit: 1_048_576)
        #expect(problem.code == .lineTooLong && problem.line == 3)
        #expect(problem.message.contains("2000000 bytes"))
        #expect(!checker.summary.passed)
    }

    /// The real findings on the shipped files (docs/data.md).
    @Test func theShippedV1FileHasNonStrictWiresAndDuplicatesButConsistentQuantizeLines() throws {
        let result = Self.check(try SharedData.lines(SharedData.v1Train), .init(wire: .v1))
        let summary = result.summary
        #expect(summary.rows == 1835)
        #expect(summary.counts[.error] == [.wireNotStrict: 639])
        #expect(summary.counts[.warning] == [.duplicateText: 84, .incompleteQuantize: 2, .damagedText: 1])
        #expect(result.problems.filter { $0.code == .incompleteQuantize }.map(\.line) == [862, 1074])
        let repairs = result.problems.flatMap(\.repairs).map(\.code)
        #expect(repairs.count { $0 == .normalizedToken } == 1599)
        #expect(repairs.count { $0 == .splitToken } == 380)
    }

    @Test func theShippedV3FileHasWiresSlipcoreRejects() throws {
        let result = Self.check(try SharedData.lines(SharedData.v3Train), .init(wire: .v3))
        #expect(result.summary.counts[.error] == [.wireNotStrict: 1141])
        #expect(result.summary.counts[.warning] == [.duplicateText: 84, .damagedText: 1])
        let repairs = result.problems.flatMap(\.repairs).map(\.code)
        #expect(repairs.count { $0 == .normalizedAgentID } == 1690)
        #expect(repairs.count { $0 == .truncatedToken } == 70)
    }
}
