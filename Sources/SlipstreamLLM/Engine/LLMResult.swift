import SlipstreamCore

/// The LLM engine's answer for one text: a strict-valid record and how it was obtained.
public struct LLMResult: Sendable, Hashable {
    /// One request to the server and what came of it.
    public struct Attempt: Sendable, Hashable {
        /// The model's text, when the server answered.
        public var answer: String?
        /// Why the attempt did not produce a record, if it did not.
        public var error: LLMError?
        /// Generated tokens, when the server reported them.
        public var completionTokens: Int?

        public init(answer: String? = nil, error: LLMError? = nil, completionTokens: Int? = nil) {
            self.answer = answer
            self.error = error
            self.completionTokens = completionTokens
        }
    }

    /// The record; its wire is strict-valid.
    public var record: TQTRecord
    /// Which engine answered: `llm`, or the fallback's name (`local`).
    public var engine: String
    /// Requests made to the server, in order.
    public var attempts: [Attempt]
    /// Repairs made to the model's answer (empty when it was strict-valid as given, or for a fallback).
    public var repairs: [String]
    /// Why the fallback answered, when it did.
    public var fallbackReason: String?

    public init(record: TQTRecord, engine: String, attempts: [Attempt], repairs: [String] = [], fallbackReason: String? = nil) {
        self.record = record
        self.engine = engine
        self.attempts = attempts
        self.repairs = repairs
        self.fallbackReason = fallbackReason
    }

    /// The strict wire line.
    public var wire: String { record.wire }
    /// Whether the model's answer needed repair.
    public var repaired: Bool { !repairs.isEmpty }
    /// Whether the fallback engine answered instead of the model.
    public var usedFallback: Bool { fallbackReason != nil }
    /// Whether more than one request was needed.
    public var retried: Bool { attempts.count > 1 }
}
