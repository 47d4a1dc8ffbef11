import ArgumentParser

/// The `slipstream` command: one subcommand per file in `Commands/`.
@main
struct Slipstream: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slipstream",
        abstract: "Slipstream: compact, parseable wire messages for LLM agents.",
        version: "0.1.0",
        subcommands: [
            EncodeCommand.self,
            EvalCommand.self,
            TrainCommand.self,
            DecodeCommand.self,
            ValidateCommand.self,
            TranslateCommand.self,
            AnchorsCommand.self,
            UCRCommand.self,
            TQTCommand.self,
            LLMCommand.self,
            TokensCommand.self,
            AssetsCommand.self,
            A2ACommand.self,
            BenchCommand.self,
            MCPCommand.self,
            HubCommand.self,
            DataCommand.self,
        ]
    )
}
