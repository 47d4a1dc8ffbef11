/// Bit flags classifying a Unicode scalar the way tiktoken's split patterns see it.
///
/// The flags follow the Rust `regex` definitions that tiktoken uses: `\p{L}`, `\p{N}`, `\p{M}`,
/// `\s` (the `White_Space` property) and the two o200k letter groups.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`: Lu, Ll, Lt, Lm, Lo.
    static let letter = ScalarClass(rawValue: 1)
    /// `\p{N}`: Nd, Nl, No.
    static let number = ScalarClass(rawValue: 2)
    /// `\p{M}`: Mn, Mc, Me.
    static let mark = ScalarClass(rawValue: 4)
    /// `\s`: the White_Space property.
    static let whitespace = ScalarClass(rawValue: 8)
    /// o200k's first letter group `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let upper = ScalarClass(rawValue: 16)
    /// o200k's second letter group `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let lower = ScalarClass(rawValue: 32)
    /// `\r` or `\n`.
    static let newline = ScalarClass(rawValue: 64)

    /// The Unicode version of the tables tiktoken's regex engine uses (tiktoken 0.14.0: Rust
    /// `regex-syntax`, Unicode 16.0). Scalars assigned later are unassigned to tiktoken.
    static let unicodeVersion = (major: 16, minor: 0)

    /// Classifies one scalar from the standard library's Unicode data, as of `unicodeVersion`.
    static func compute(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age else { return [] }
        if age.major > unicodeVersion.major || (age.major == unicodeVersion.major && age.minor > unicodeVersion.minor) {
            return []
        }
        var result: ScalarClass = []
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
            result = [.letter, .upper]
        case .lowercaseLetter:
            result = [.letter, .lower]
        case .modifierLetter, .otherLetter:
            result = [.letter, .upper, .lower]
        case .nonspacingMark, .spacingMark, .enclosingMark:
            result = [.mark, .upper, .lower]
        case .decimalNumber, .letterNumber, .otherNumber:
            result = [.number]
        default:
            break
        }
        if scalar.properties.isWhitespace { result.insert(.whitespace) }
        if value == 0x0A || value == 0x0D { result.insert(.newline) }
        return result
    }
}

/// A precomputed class table for the first four planes, where nearly all assigned scalars live.
struct ScalarClassTable: @unchecked Sendable {  // Immutable after the one-time initialisation.
    /// Scalars below this bound are looked up; the rest are computed.
    static let tableLimit: UInt32 = 0x40000

    /// The shared table, built once on first use.
    static let shared = ScalarClassTable()

    let pointer: UnsafeMutablePointer<UInt8>

    private init() {
        let count = Int(Self.tableLimit)
        pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        for value in 0..<UInt32(count) {
            pointer[Int(value)] = ScalarClass.compute(value).rawValue
        }
    }

    /// The class of a scalar value.
    @inline(__always)
    func classOf(_ value: UInt32) -> ScalarClass {
        if value < Self.tableLimit { return ScalarClass(rawValue: pointer[Int(value)]) }
        return ScalarClass.compute(value)
    }
}
