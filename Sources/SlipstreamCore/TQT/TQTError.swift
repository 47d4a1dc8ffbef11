/// Why a TQT record could not be used.
public struct TQTError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let empty = Code(rawValue: "empty")
        public static let tooLong = Code(rawValue: "too_long")
        public static let missingWire = Code(rawValue: "missing_wire")
        public static let invalidWire = Code(rawValue: "invalid_wire")
    }

    public var code: Code
    /// What was wrong, in words, naming what is missing.
    public var message: String
    /// 1-based line within the record text, when the problem is on one line.
    public var line: Int?
    /// The wire error underneath, for ``Code/invalidWire``.
    public var wireError: WireError?

    public init(_ code: Code, _ message: String, line: Int? = nil, wireError: WireError? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.wireError = wireError
    }

    public var description: String {
        var text = "TQT error (\(code)): \(message)"
        if let line { text += " (line \(line))" }
        return text
    }
}
