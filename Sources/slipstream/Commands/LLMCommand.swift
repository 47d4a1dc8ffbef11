import ArgumentParser
import Foundation
import SlipstreamCore
import SlipstreamLLM
import SlipstreamQuantizers

/// `slipstream llm …`: talk to a model server directly (token counts, encoding, the grammar sent).
struct LLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "Drive a llama.cpp or Ollama server running the Slipstream model.",
        subcommands: [Tokens.self, Encode.self, Grammar.self, Health.self]
    )

    /// `slipstream llm tokens TEXT`: the server's own token count.
    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count TEXT's tokens with the server's own tokenizer (llama.cpp /tokenize).")

        @Argument(help: "Text to tokenize; read from standard input when omitted.")
        var text: [String] = []

        @Flag(help: "Print the token ids too.")
        var ids = false

        @OptionGroup var llm: LLMOptions

        func run() async throws {
            let config = try llm.configuration()
            let input =
                text.isEmpty ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text.joined(separator: " ")
            try await LLMSession.withBackend(config) { backend in
                let tokens = try await backend.tokenize(input, timeout: config.requestTimeout)
                print(tokens.count)
                if ids { print(tokens.map(String.init).joined(separator: " ")) }
            }
        }
    }

    /// `slipstream llm encode TEXT`: one record per text, from the model.
    struct Encode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encode text with the model: one strict-valid TQT record per text (stdin: one text per line).")

        @Argument(help: "Text to encode; without it, each line of standard input is one text.")
        var text: [String] = []

        @Option(help: "Sender agent id (forced into the wire when given).")
        var src: String?

        @Option(help: "Receiver agent id (forced into the wire when given).")
        var dst: String?

        @Option(help: "Wire version: v1 or v3.")
        var wire: String = "v1"

        @Flag(help: "One JSON object per text: wire, record, engine, repairs, fallback reason, attempts.")
        var json = false

        @Flag(name: .customLong("wire-only"), help: "Print only the wire line.")
        var wireOnly = false

        @OptionGroup var llm: LLMOptions

        @OptionGroup var store: FallbackStoreOptions

        func validate() throws {
            do throws(QuantizerError) {
                if let src { try QuantizationContext.checkAgentID(src, as: "--src") }
                if let dst { try QuantizationContext.checkAgentID(dst, as: "--dst") }
            } catch {
                throw ValidationError(error.reason)
            }
        }

        func run() async throws {
            guard let version = WireVersion(rawValue: wire) else { throw ValidationError("--wire must be v1 or v3") }
            let config = try llm.configuration()
            let examples = try config.examples(for: version)
            let inputs: [LLMInput]
            if text.isEmpty {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                    .map { String($0) }.filter { !$0.allSatisfy(\.isWhitespace) }
                    .map { LLMInput(text: $0, src: src, dst: dst) }
            } else {
                inputs = [LLMInput(text: text.joined(separator: " "), src: src, dst: dst)]
            }
            let results = try await store.withStore(if: version == .v3) { fallbackStore in
                try await LLMSession.withBackend(config) { backend in
                    let fallback =
                        llm.noFallback
                        ? nil
                        : QuantizerFallback(
                            quantizer: try QuantizerRegistry.standard.make(QuantizerRegistry.defaultEngine),
                            context: QuantizationContext(src: src ?? "agent", dst: dst, version: version, fallbackStore: fallbackStore))
                    var engine = LLMEngine(
                        configuration: config, backend: backend, ucr: version == .v1 ? .v1 : .v3, version: version,
                        fallback: fallback, examples: examples)
                    engine.breaker = LLMCircuitBreaker()
                    let runner = engine
                    // With --no-fallback a text can fail; report it and go on with the others.
                    return try await BoundedConcurrency.map(
                        inputs, limit: config.concurrency, onProgress: Progress.reporter(total: inputs.count)
                    ) { input -> Result<LLMResult, LLMError> in
                        do throws(LLMError) {
                            return .success(try await runner.encode(input.text, src: input.src, dst: input.dst))
                        } catch {
                            if error.code == .cancelled { throw error }
                            return .failure(error)
                        }
                    }
                }
            }
            var failures = 0
            for (input, outcome) in zip(inputs, results) {
                switch outcome {
                case .success(let result):
                    if json {
                        print(Self.json(input: input, result: result).compactText)
                    } else {
                        print(wireOnly ? result.wire : result.record.formatted + (inputs.count > 1 ? "\n" : ""))
                    }
                    if result.usedFallback, let reason = result.fallbackReason {
                        FileHandle.standardError.write(Data("note: answered by \(result.engine): \(reason)\n".utf8))
                    }
                case .failure(let error):
                    failures += 1
                    if json {
                        print(JSONValue.object([("text", .string(input.text)), ("error", .string("\(error)"))]).compactText)
                    }
                    FileHandle.standardError.write(Data("error: \(input.text.prefix(60)): \(error)\n".utf8))
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }

        static func json(input: LLMInput, result: LLMResult) -> JSONValue {
            .object([
                ("text", .string(input.text)),
                ("wire", .string(result.wire)),
                ("record", .string(result.record.formatted)),
                ("engine", .string(result.engine)),
                ("repairs", .array(result.repairs.map(JSONValue.string))),
                ("fallback_reason", .string(result.fallbackReason)),
                ("attempts", .int(result.attempts.count)),
                ("completion_tokens", result.attempts.last?.completionTokens.map(JSONValue.int) ?? .null),
            ])
        }
    }

    /// `slipstream llm grammar`: what the engine sends to constrain the model.
    struct Grammar: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the GBNF grammar (or, with --json-schema, the JSON schema) generated from the UCR.")

        @Option(help: "Wire version: v1 or v3.")
        var wire: String = "v1"

        @Option(help: "Sender agent id to force.")
        var src: String?

        @Option(help: "Receiver agent id to force.")
        var dst: String?

        @Flag(name: .customLong("json-schema"), help: "Print the JSON schema (Ollama `format`) instead.")
        var jsonSchema = false

        func run() throws {
            guard let version = WireVersion(rawValue: wire) else { throw ValidationError("--wire must be v1 or v3") }
            let constraint = TQTConstraint(ucr: version == .v1 ? .v1 : .v3, version: version, src: src, dst: dst)
            print(jsonSchema ? constraint.jsonSchema.pythonIndentedText : constraint.gbnf, terminator: jsonSchema ? "\n" : "")
        }
    }

    /// `slipstream llm health`: whether the server answers.
    struct Health: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask the server for one token and report how it answered.")

        @OptionGroup var llm: LLMOptions

        func run() async throws {
            var config = try llm.configuration()
            config.constraint = ConstraintMode.none
            let clock = ContinuousClock()
            let start = clock.now
            let answer = try await LLMSession.withBackend(config) { backend in
                try await backend.complete(
                    ChatRequest(messages: [ChatMessage(.user, "ping")], maxTokens: 1, timeout: config.requestTimeout))
            }
            let elapsed = clock.now - start
            print("ok \(config.api.rawValue) \(config.resolvedBaseURL) model=\(answer.model ?? config.model) in \(elapsed)")
        }
    }
}

/// Batch progress on standard error, only when it is a terminal.
enum Progress {
    static func reporter(total: Int) -> (@Sendable (Int, Int) -> Void)? {
        guard total > 1, isatty(STDERR_FILENO) == 1 else { return nil }
        return { done, total in
            let end = done == total ? "\n" : ""
            FileHandle.standardError.write(Data("\r[\(done)/\(total)]\(end)".utf8))
        }
    }
}
