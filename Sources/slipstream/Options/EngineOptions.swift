import ArgumentParser
import Foundation
import SlipstreamLLM
import SlipstreamQuantizers

/// Which quantizer engine to run and how: shared by `encode` and `eval`.
struct EngineOptions: ParsableArguments {
    @Option(help: "Quantizer engine: \(EngineOptions.registry.names.joined(separator: ", ")).")
    var engine = QuantizerRegistry.defaultEngine

    @Option(help: "A local model file to use instead of the shipped one (written by `slipstream train`).")
    var model: String?

    @Option(help: "Fallback below this calibrated confidence (default: the model's; keyword: 0.2).")
    var threshold: Double?

    /// Flags of the `llm` engine (server, model, grammar); see docs/llm.md.
    @OptionGroup(title: "LLM engine (--engine llm)") var llm: LLMOptions

    /// The registry the CLI knows. Other engines register here.
    static var registry: QuantizerRegistry {
        var registry = QuantizerRegistry.standard
        registry.registerLLM(environment: ProcessInfo.processInfo.environment)
        return registry
    }

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) {
            throw ValidationError("--threshold is \(threshold); expected a value between 0 and 1")
        }
        guard Self.registry.names.contains(engine) else {
            throw ValidationError("--engine is '\(engine)'; expected one of \(Self.registry.names.joined(separator: ", "))")
        }
    }

    /// The engine.
    func makeQuantizer() throws -> any Quantizer {
        try Self.registry.make(engine, options: .init(modelPath: model, threshold: threshold, settings: llm.settings()))
    }
}
