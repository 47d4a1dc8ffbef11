/// An error from loading, fetching or using a tokenizer.
///
/// Every error says what was wrong and where: the file, the line or byte offset, the token id.
public struct TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a closed set of cases for programmatic handling.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The rank file does not exist; run `slipstream assets fetch`.
        public static let rankFileMissing = Code("rankFileMissing")
        /// The rank file exists but could not be read.
        public static let rankFileUnreadable = Code("rankFileUnreadable")
        /// A line of the rank file is not `BASE64 RANK`, or ranks/tokens repeat.
        public static let malformedRankFile = Code("malformedRankFile")
        /// The rank file's SHA-256 differs from the published one for the encoding.
        public static let checksumMismatch = Code("checksumMismatch")
        /// A token id passed to `decode` is not in the vocabulary.
        public static let unknownTokenID = Code("unknownTokenID")
        /// A compressed archive (wheel, gzip) is corrupt or lacks an expected member.
        public static let malformedArchive = Code("malformedArchive")
        /// The tokenizer name is not one of the supported encodings.
        public static let unknownEncoding = Code("unknownEncoding")
        /// Text contains a special token that the caller did not allow.
        public static let disallowedSpecialToken = Code("disallowedSpecialToken")

        public var description: String { name }
    }

    /// The kind of error.
    public var code: Code
    /// A human-readable account of what was wrong and where.
    public var message: String
    /// The file involved, if any.
    public var path: String?
    /// The 1-based line (rank files) or byte offset (archives), if known.
    public var location: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil, location: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.location = location
    }

    public var description: String {
        var text = message
        if let path {
            text += " (\(path)"
            if let location { text += ":\(location)" }
            text += ")"
        } else if let location {
            text += " (at \(location))"
        }
        return text
    }
}
