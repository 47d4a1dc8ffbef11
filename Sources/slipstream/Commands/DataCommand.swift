import ArgumentParser

/// `slipstream data`: tools for TQT training data (JSONL conversations).
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Check, measure, convert, split and export TQT training data (JSONL conversations).",
        discussion: """
            Rows are ShareGPT ({"conversations": [{"from": "system"|"human"|"gpt", "value": …}]}) or OpenAI chat \
            ({"messages": [{"role": "system"|"user"|"assistant", "content": …}]}); the gpt turn is a TQT record \
            (THOUGHT / QUANTIZE / SLIP). Files are streamed, one row at a time.
            """,
        subcommands: [
            DataCheckCommand.self,
            DataStatsCommand.self,
            DataConvertCommand.self,
            DataSplitCommand.self,
            DataExportCommand.self,
            DataGenerateCommand.self,
        ])
}
