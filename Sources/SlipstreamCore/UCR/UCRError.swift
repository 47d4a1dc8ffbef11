/// An error from building, changing, loading or saving a UCR codebook.
public struct UCRError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let duplicateIndex = Code(rawValue: "duplicate_index")
        public static let duplicateForceObject = Code(rawValue: "duplicate_force_object")
        public static let duplicateMnemonic = Code(rawValue: "duplicate_mnemonic")
        public static let invalidObject = Code(rawValue: "invalid_object")
        public static let indexOutOfRange = Code(rawValue: "index_out_of_range")
        public static let coordsOutOfRange = Code(rawValue: "coords_out_of_range")
        public static let coreFlagMismatch = Code(rawValue: "core_flag_mismatch")
        public static let coreLocked = Code(rawValue: "core_locked")
        public static let extensionSpaceExhausted = Code(rawValue: "extension_space_exhausted")
        public static let anchorNotFound = Code(rawValue: "anchor_not_found")
        public static let noActiveAnchors = Code(rawValue: "no_active_anchors")
        public static let invalidTransition = Code(rawValue: "invalid_transition")
        public static let malformedFile = Code(rawValue: "malformed_file")
        public static let io = Code(rawValue: "io")
    }

    public var code: Code
    /// What was wrong and where.
    public var message: String
    /// The anchor index concerned, when there is one.
    public var index: Int?

    public init(_ code: Code, _ message: String, index: Int? = nil) {
        self.code = code
        self.message = message
        self.index = index
    }

    public var description: String { "UCR error (\(code)): \(message)" }
}
