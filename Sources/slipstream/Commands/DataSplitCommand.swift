import ArgumentParser
import SlipstreamCore
import SlipstreamDatasets

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `slipstream data split`: a deterministic, stratified, duplicate-aware train/test split.
struct DataSplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split a TQT JSONL file into train and test files: deterministic, stratified by anchor, duplicate-aware.",
        discussion: """
            Rows whose human texts are equal after normalization (case, punctuation, spacing) go to the same \
            side. Each anchor's share of the test file is the test fraction of its rows, as near as whole \
            groups allow. The same file, fraction and seed give the same split; rows are copied unchanged, in \
            file order. The file is read twice, so it cannot be stdin.
            """)

    @OptionGroup var input: DatasetFileOptions

    @Option(help: "The share of rows for the test file, 0 to 1.")
    var testFraction = 0.1

    @Option(help: "Seed of the group order.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Where to write the training rows.", valueName: "path"))
    var trainOut: String

    @Option(help: ArgumentHelp("Where to write the test rows.", valueName: "path"))
    var testOut: String

    @Flag(help: "Print the summary as JSON: rows, train, test, strata{anchor: {train, test}}.")
    var json = false

    func validate() throws {
        guard input.file != "-" else { throw ValidationError("split reads the file twice; give a file, not stdin") }
        let identities = [input.file, trainOut, testOut].map { Self.identity(of: $0) }
        guard Set([input.file, trainOut, testOut]).count == 3,
            Set(identities.compactMap { $0 }).count == identities.compactMap({ $0 }).count
        else {
            throw ValidationError("the input, --train-out and --test-out must be three different files")
        }
    }

    /// The device and inode of an existing file (nil when there is none), so two names of one file are
    /// caught before an output truncates the input.
    private static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    func run() async throws {
        var splitter: DatasetSplitter
        do {
            splitter = try DatasetSplitter(testFraction: testFraction, seed: seed)
        } catch {
            throw ValidationError(error.message)
        }
        let name = input.name
        var unusable: [String] = []
        try await input.forEachRow { text, number in
            do throws(DatasetError) {
                let example = try TQTExample(row: DatasetRow(jsonLine: text), line: number)
                splitter.add(text: example.text, anchor: example.anchor, line: number)
            } catch {
                unusable.append("line \(number): \(error.message)")
            }
        } tooLong: { number, bytes in
            unusable.append("line \(number): \(bytes) bytes, longer than the limit of \(input.maxLineBytes)")
        }
        guard unusable.isEmpty else {
            throw CommandFailure(
                "\(name): \(unusable.count) rows cannot be split (first: \(unusable[0])); see `slipstream data check \(input.file)`")
        }
        let plan = splitter.plan()
        let train = try LineWriter(path: trainOut)
        let test = try LineWriter(path: testOut)
        // No line is too long now: the first pass would have refused the file.
        try await input.forEachRow { text, number in
            try (plan.isTest(line: number) ? test : train).line(text)
        } tooLong: { _, _ in
        }
        try train.close()
        try test.close()
        let strata = plan.strata.sorted { $0.key < $1.key }
        if json {
            Output.json(
                .object([
                    ("rows", .int(plan.trainRows + plan.testRows)), ("train", .int(plan.trainRows)), ("test", .int(plan.testRows)),
                    (
                        "strata",
                        .object(strata.map { ($0.key, .object([("train", .int($0.value.train)), ("test", .int($0.value.test))])) })
                    ),
                ]))
        } else {
            Output.line(
                "\(name): \(plan.trainRows + plan.testRows) rows: \(plan.trainRows) to \(trainOut), \(plan.testRows) to \(testOut) "
                    + "(\(strata.count) anchors, seed \(seed))")
            for (anchor, counts) in strata { Output.line("  \(anchor): \(counts.train) train, \(counts.test) test") }
        }
        Output.flush()
    }
}
