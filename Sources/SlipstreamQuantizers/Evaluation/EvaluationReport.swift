/// What `slipstream eval` measures, as one JSON-encodable value.
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// Precision, recall and F1 of one anchor.
    public struct AnchorScore: Sendable, Hashable, Codable {
        public var anchor: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Rows whose expected anchor this is.
        public var support: Int
    }

    /// `matrix[i][j]`: rows expected `labels[i]` and predicted `labels[j]`.
    public struct Confusion: Sendable, Hashable, Codable {
        public var labels: [String]
        public var matrix: [[Int]]
    }

    /// Accuracy of the QUANTIZE dimensions (the predicted anchor's UCR coordinates against the record's words),
    /// over the rows that have all four words.
    public struct Dimensions: Sendable, Hashable, Codable {
        public var rows: Int
        public var action: Double
        public var domain: Double
        public var urgency: Double
        public var polarity: Double
    }

    /// How well Fallback is predicted.
    public struct FallbackScore: Sendable, Hashable, Codable {
        public var precision: Double
        public var recall: Double
        /// Rows expected to be Fallback.
        public var expected: Int
        /// Rows predicted as Fallback.
        public var predicted: Int
    }

    /// Recipient agreement.
    public struct DestinationScore: Sendable, Hashable, Codable {
        /// Share of rows whose emitted dst equals the expected wire's dst.
        public var agreement: Double
        /// Rows whose text contains the expected dst as a word.
        public var namedInText: Int
        /// Agreement over those rows.
        public var agreementWhenNamed: Double
    }

    /// Payload agreement: mean word-level F1 between emitted and expected payload words (`auth_module` →
    /// auth, module), over rows whose expected wire is not a Fallback.
    public struct PayloadScore: Sendable, Hashable, Codable {
        public var rows: Int
        public var wordF1: Double
    }

    /// Time per message inside the engine, in microseconds.
    public struct Latency: Sendable, Hashable, Codable {
        public var p50Micros: Double
        public var p99Micros: Double
        public var meanMicros: Double
    }

    public var engine: String
    public var dataset: String
    public var rows: Int
    /// Folds of cross-validation (nil: the engine as given was evaluated on every row).
    public var folds: Int?
    public var accuracy: Double
    public var macroF1: Double
    public var perAnchor: [AnchorScore]
    public var confusion: Confusion
    public var dimensions: Dimensions
    public var fallback: FallbackScore
    /// Share of emitted wires that the core's strict parser accepts.
    public var wireValidity: Double
    public var dst: DestinationScore
    public var payload: PayloadScore
    public var latency: Latency
}
