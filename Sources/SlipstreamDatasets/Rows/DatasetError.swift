/// Why a dataset file or row could not be used: a code, what was wrong, and the file and line.
public struct DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be opened, read or written.
        public static let io = Code(rawValue: "io")
        /// A line is longer than the configured limit.
        public static let lineTooLong = Code(rawValue: "line_too_long")
        /// A line is not JSON.
        public static let notJSON = Code(rawValue: "not_json")
        /// A line is JSON but not a conversation (`{"conversations": [{"from", "value"}…]}` or
        /// `{"messages": [{"role", "content"}…]}`).
        public static let wrongShape = Code(rawValue: "wrong_shape")
        /// The conversation has no human/user turn or no gpt/assistant turn.
        public static let missingTurn = Code(rawValue: "missing_turn")
        /// The gpt turn is not a TQT record with a usable SLIP wire.
        public static let unusableRecord = Code(rawValue: "unusable_record")
        /// An argument is out of range (a fraction, a count).
        public static let invalidArgument = Code(rawValue: "invalid_argument")
    }

    public var code: Code
    /// What was wrong, in words.
    public var message: String
    /// The file (or other source) involved, if any.
    public var source: String?
    /// The 1-based line in the source, if the problem is on one line.
    public var line: Int?

    public init(_ code: Code, _ message: String, source: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.source = source
        self.line = line
    }

    /// The same error located at `line` of `source`.
    public func at(_ source: String?, line: Int?) -> DatasetError {
        var located = self
        located.source = source ?? located.source
        located.line = line ?? located.line
        return located
    }

    public var description: String {
        let location = [source, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ":")
        return (location.isEmpty ? "" : "\(location): ") + "\(message) [\(code)]"
    }
}
