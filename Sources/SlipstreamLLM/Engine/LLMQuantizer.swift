import SlipstreamCore
import SlipstreamQuantizers
import Synchronization

/// The `llm` engine as a ``Quantizer``: the model answers; on a timeout, a transport error or an
/// unusable answer (after one retry) the `local` engine does, and the log says which and why.
///
/// ```swift
/// let local = try LocalQuantizer.shipped()
/// try await LLMSession.withBackend(config) { backend in
///     let quantizer = LLMQuantizer(configuration: config, backend: backend, fallback: local)
///     let result = try await quantizer.quantize("Tell bob to review my code", context: .init(src: "alice"))
///     result.engine                      // "llm" (or "local")
///     LLMRunSummary(quantizer.log.results).lines
/// }
/// ```
public struct LLMQuantizer: Quantizer {
    public var engine: String { "llm" }

    public var configuration: LLMConfiguration
    public var backend: any ChatBackend
    /// Who answers when the model cannot (the `local` engine); nil makes model failures errors.
    public var fallback: (any Quantizer)?
    /// Worked examples put before each text; when empty, ``LLMConfiguration/fewShot`` examples are
    /// loaded (once per wire version) from ``LLMConfiguration/fewShotFile``.
    public var examples: [FewShotExample]
    /// Every result, for the evaluation's repair and fallback fractions.
    public let log: LLMResultLog
    /// Skips the server for a while after it was unreachable.
    public let breaker: LLMCircuitBreaker
    private let loadedExamples = ExampleCache()

    public init(
        configuration: LLMConfiguration,
        backend: any ChatBackend,
        fallback: (any Quantizer)?,
        examples: [FewShotExample] = [],
        log: LLMResultLog = LLMResultLog(),
        breaker: LLMCircuitBreaker = LLMCircuitBreaker()
    ) {
        self.configuration = configuration
        self.backend = backend
        self.fallback = fallback
        self.examples = examples
        self.log = log
        self.breaker = breaker
    }

    /// The examples for `version`: the given ones, or those the configuration asks for.
    func examples(for version: WireVersion) throws(LLMError) -> [FewShotExample] {
        if !examples.isEmpty || configuration.fewShot == 0 { return examples }
        if let cached = loadedExamples.storage.withLock({ $0[version] }) { return cached }
        let loaded = try configuration.examples(for: version)
        loadedExamples.storage.withLock { $0[version] = loaded }
        return loaded
    }

    public func quantize(_ text: String, context: QuantizationContext) async throws -> Quantization {
        let ucr: UCR = context.version == .v1 ? context.codebook : .v3
        let adapter = fallback.map { QuantizerFallback(quantizer: $0, context: context) }
        var engine = LLMEngine(
            configuration: configuration, backend: backend, ucr: ucr, version: context.version, fallback: adapter,
            examples: try examples(for: context.version))
        engine.breaker = breaker
        let result = try await engine.encode(text, src: context.src, dst: context.dst)
        log.append(result)
        if result.usedFallback, let quantization = await adapter?.last() {
            return quantization
        }
        let message = result.record.message
        guard
            let anchor = context.codebook.anchor(mnemonic: message.anchor)
                ?? context.codebook.anchor(force: message.force, object: message.object)
                ?? UCR.v3.anchor(force: message.force, object: message.object)
        else {
            throw LLMError(.unusableAnswer, "the model's anchor \(message.anchor) is in no codebook")
        }
        return Quantization(
            anchor: anchor, confidence: 1, alternatives: [], payload: message.payload,
            thought: result.record.thought ?? "", message: message, engine: result.engine)
    }
}

/// The results an ``LLMQuantizer`` produced, in completion order (shared by concurrent calls).
public final class LLMResultLog: Sendable {
    private let storage = Mutex<[LLMResult]>([])

    public init() {}

    func append(_ result: LLMResult) { storage.withLock { $0.append(result) } }

    /// Everything logged so far.
    public var results: [LLMResult] { storage.withLock { $0 } }

    /// The repair/retry/fallback summary of everything logged so far.
    public var summary: LLMRunSummary { LLMRunSummary(results) }
}

/// Few-shot examples loaded once per wire version.
final class ExampleCache: Sendable {
    let storage = Mutex<[WireVersion: [FewShotExample]]>([:])
}

/// A ``Quantizer`` (the `local` engine) answering for the LLM engine; keeps its last ``Quantization``
/// so ``LLMQuantizer`` can return it whole (alternatives and confidence included).
public final class QuantizerFallback: LLMFallback {
    let quantizer: any Quantizer
    let context: QuantizationContext
    private let lastResult = Mutex<Quantization?>(nil)

    /// Answers with `quantizer` in `context` (its agent ids and wire version win over the engine's).
    public init(quantizer: any Quantizer, context: QuantizationContext) {
        self.quantizer = quantizer
        self.context = context
    }

    public var engineName: String { quantizer.engine }

    public func encode(_ text: String, src: String, dst: String, version: WireVersion) async throws -> TQTRecord {
        let result = try await quantizer.quantize(text, context: context)
        lastResult.withLock { $0 = result }
        return result.record
    }

    func last() async -> Quantization? { lastResult.withLock { $0 } }
}
