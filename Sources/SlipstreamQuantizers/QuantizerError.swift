/// Why a quantizer could not be built or run: a code, what was wrong and where.
public struct QuantizerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No engine is registered under the name.
        public static let unknownEngine = Code(rawValue: "unknown_engine")
        /// A model file is missing, truncated or of another format.
        public static let invalidModel = Code(rawValue: "invalid_model")
        /// The shipped model resource is not in the bundle.
        public static let missingResource = Code(rawValue: "missing_resource")
        /// A dataset line is not a TQT conversation.
        public static let invalidDataset = Code(rawValue: "invalid_dataset")
        /// Training was asked for something impossible (no rows, one class, bad folds).
        public static let invalidTraining = Code(rawValue: "invalid_training")
        /// The anchor the model predicts is not in the codebook.
        public static let unknownAnchor = Code(rawValue: "unknown_anchor")
        /// A sender or receiver the caller named is not an agent id.
        public static let invalidAgentID = Code(rawValue: "invalid_agent_id")
        /// A file could not be read or written.
        public static let io = Code(rawValue: "io")
    }

    public var code: Code
    /// What was wrong, in words.
    public var reason: String
    /// The file, line or engine involved, if any.
    public var location: String?

    public init(_ code: Code, _ reason: String, location: String? = nil) {
        self.code = code
        self.reason = reason
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(reason) [\(code)]" }
        return "\(reason) [\(code)]"
    }
}
