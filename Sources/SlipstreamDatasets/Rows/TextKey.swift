import SlipstreamCore

/// What two human texts must share to count as duplicates: the exact text, or the normalized text
/// (lowercased, letters and digits only, words single-spaced: "Deploy the model!" and "deploy the model"
/// normalize alike). Each is kept as 64 bits of its SHA-256, so a tool tracks a large file's texts in a
/// few bytes per row.
public struct TextKey: Sendable, Hashable {
    /// The exact text's key.
    public var exact: UInt64
    /// The normalized text's key.
    public var normalized: UInt64

    public init(_ text: String) {
        exact = Self.digest(text)
        normalized = Self.digest(Self.normalize(text))
    }

    /// The text lowercased, with every run of characters other than letters, digits (and the marks
    /// on them) made one space, and no space at either end.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            let isWordPart: Bool
            if scalar.isASCII {
                isWordPart = (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
            } else {
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: isWordPart = !out.isEmpty && !pendingSpace
                default: isWordPart = properties.isAlphabetic || properties.numericType != nil
                }
            }
            if isWordPart {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The first 8 bytes of the text's SHA-256, big-endian.
    public static func digest(_ text: String) -> UInt64 {
        SHA256.digest(text.utf8).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
