import ArgumentParser

/// `slipstream bench`: measurements over datasets (token savings; others add theirs here).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Slipstream on a dataset: token savings and more.",
        subcommands: [
            BenchTokensCommand.self,
            BenchEncodeCommand.self,
        ])
}
