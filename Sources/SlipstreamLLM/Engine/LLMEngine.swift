import SlipstreamCore

/// The `llm` engine: asks a model server for a TQT record and returns a strict-valid one, every time.
///
/// Each text goes out with the training data's system prompt (optionally after few-shot examples)
/// and, unless turned off, a grammar or JSON schema generated from the UCR. The answer is parsed
/// tolerantly, repaired leniently and validated strictly. On a timeout, a transport error or an
/// unusable answer the request is retried (``LLMConfiguration/retries``, once by default); then the
/// fallback engine answers, and the result says so and why.
///
/// ```swift
/// try await LLMSession.withBackend(config) { backend in
///     let engine = LLMEngine(configuration: config, backend: backend, ucr: .v1, fallback: local)
///     let result = try await engine.encode("Tell bob to review my auth code", src: "alice", dst: "bob")
///     print(result.wire, result.engine)   // SLIP v1 alice bob RequestReview auth_module llm
/// }
/// ```
public struct LLMEngine: Sendable {
    public var configuration: LLMConfiguration
    public var backend: any ChatBackend
    /// The codebook answers must use (v1 codebook for v1 wires; v3 for v3).
    public var ucr: UCR
    /// The wire version asked for.
    public var version: WireVersion
    /// Who answers when the model cannot; without one, the last error is thrown instead.
    public var fallback: (any LLMFallback)?
    /// Worked examples put before the user's text.
    public var examples: [FewShotExample]
    /// Skips the server for a while after it was unreachable (shared by copies of the engine).
    public var breaker: LLMCircuitBreaker?
    /// Agent ids used for the fallback when the caller gives none.
    public var defaultSrc = "agent"
    public var defaultDst = "peer"

    public init(
        configuration: LLMConfiguration,
        backend: any ChatBackend,
        ucr: UCR,
        version: WireVersion? = nil,
        fallback: (any LLMFallback)? = nil,
        examples: [FewShotExample] = []
    ) {
        self.configuration = configuration
        self.backend = backend
        self.ucr = ucr
        self.version = version ?? (ucr.format == .v3 ? .v3 : .v1)
        self.fallback = fallback
        self.examples = examples
    }

    /// The conversation sent for `text`: system prompt, examples, then the text.
    public func messages(for text: String) -> [ChatMessage] {
        var messages = [ChatMessage(.system, SystemPrompt.forWire(version))]
        for example in examples {
            messages.append(ChatMessage(.user, example.user))
            messages.append(ChatMessage(.assistant, example.assistant))
        }
        messages.append(ChatMessage(.user, text))
        return messages
    }

    /// The grammar/schema generator for one text's agent ids.
    public func constraint(src: String?, dst: String?) -> TQTConstraint {
        TQTConstraint(ucr: ucr, version: version, src: src, dst: dst)
    }

    /// The request sent for `text`.
    public func request(for text: String, src: String? = nil, dst: String? = nil) -> ChatRequest {
        let tqt = constraint(src: src, dst: dst)
        let output: OutputConstraint? =
            switch configuration.resolvedConstraint {
            case .grammar: .grammar(tqt.gbnf)
            case .json: .jsonSchema(tqt.jsonSchema)
            case .none: nil
            }
        return ChatRequest(
            messages: messages(for: text),
            temperature: configuration.temperature,
            maxTokens: configuration.maxTokens,
            stream: configuration.stream,
            constraint: output,
            timeout: configuration.requestTimeout
        )
    }

    /// A strict-valid record for `text`, from the model or, failing that, the fallback.
    ///
    /// Throws ``LLMError/Code/cancelled`` when the task is cancelled, and the last error when every
    /// attempt failed and there is no fallback.
    public func encode(
        _ text: String,
        src: String? = nil,
        dst: String? = nil,
        onDelta: (@Sendable (String) -> Void)? = nil
    ) async throws(LLMError) -> LLMResult {
        let request = request(for: text, src: src, dst: dst)
        let interpreter = AnswerInterpreter(ucr: ucr, version: version, src: src, dst: dst)
        let json = configuration.resolvedConstraint == .json ? constraint(src: src, dst: dst) : nil
        var attempts: [LLMResult.Attempt] = []
        var lastError = LLMError(.unusableAnswer, "no attempt was made")
        let skip = breaker?.isOpen == true && fallback != nil
        if skip {
            lastError = LLMError(
                .unreachable, "skipped: the server was unreachable less than \(breaker?.cooldown ?? .zero) ago",
                url: configuration.resolvedBaseURL)
        }
        for _ in 0...max(0, configuration.retries) where !skip {
            if Task.isCancelled { throw LLMError(.cancelled, "the request was cancelled") }
            do {
                let completion = try await backend.complete(request, onDelta: onDelta)
                do {
                    breaker?.reset()
                    let outcome = try interpreter.interpret(completion.content, json: json)
                    attempts.append(.init(answer: completion.content, completionTokens: completion.completionTokens))
                    return LLMResult(record: outcome.record, engine: "llm", attempts: attempts, repairs: outcome.repairs)
                } catch {
                    var error = error
                    if completion.finishReason == "length" {
                        error.message += " (the answer hit the \(request.maxTokens)-token limit)"
                    }
                    attempts.append(.init(answer: completion.content, error: error, completionTokens: completion.completionTokens))
                    lastError = error
                }
            } catch {
                if error.code == .cancelled || Task.isCancelled { throw LLMError(.cancelled, "the request was cancelled") }
                attempts.append(.init(error: error))
                lastError = error
            }
        }
        if !attempts.isEmpty, attempts.allSatisfy({ $0.error?.code == .unreachable }) { breaker?.trip() }
        guard let fallback else { throw lastError }
        do {
            let record = try await fallback.encode(text, src: src ?? defaultSrc, dst: dst ?? defaultDst, version: version)
            let strict = try WireParser(profile: .strict, configuration: interpreter.parserConfiguration)
                .parse(record.wire, version: version)
            var checked = record
            checked.message = strict
            return LLMResult(
                record: checked, engine: fallback.engineName, attempts: attempts,
                fallbackReason: "\(lastError.code): \(lastError.message)")
        } catch {
            if Task.isCancelled { throw LLMError(.cancelled, "the request was cancelled") }
            throw LLMError(
                .unusableAnswer,
                "the model failed (\(lastError.code): \(lastError.message)) and the \(fallback.engineName) fallback failed too",
                underlying: "\(error)")
        }
    }

    /// Records for many texts, at most ``LLMConfiguration/concurrency`` requests at a time, in input order.
    ///
    /// `onProgress` receives (finished, total) after each text. Cancelling the calling task cancels
    /// the requests in flight and throws ``LLMError/Code/cancelled``.
    public func encodeAll(
        _ inputs: [LLMInput],
        onProgress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws(LLMError) -> [LLMResult] {
        let engine = self
        do {
            return try await BoundedConcurrency.map(inputs, limit: configuration.concurrency, onProgress: onProgress) { input in
                try await engine.encode(input.text, src: input.src, dst: input.dst)
            }
        } catch {
            throw LLMError.wrapping(error, url: nil)
        }
    }
}

/// One text to encode, with its agent ids when known.
public struct LLMInput: Sendable, Hashable {
    public var text: String
    public var src: String?
    public var dst: String?

    public init(text: String, src: String? = nil, dst: String? = nil) {
        self.text = text
        self.src = src
        self.dst = dst
    }
}
