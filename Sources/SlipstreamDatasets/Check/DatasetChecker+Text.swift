/// Signs that a turn's text was damaged on its way into the file.
extension DatasetChecker {
    /// The C1 bytes 0x80–0x9F as Windows code pages show them (`€`, `‚`, `™`, …): what UTF-8 continuation
    /// bytes become when UTF-8 text is decoded as a single-byte code page.
    private static let codePageC1: Set<Unicode.Scalar> = Set(
        "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".unicodeScalars)

    /// Why `text` looks damaged, or nil: a replacement character (the file had bytes that are not UTF-8),
    /// a control character, or mojibake (a Latin letter with an accent followed by a character a UTF-8
    /// continuation byte becomes in a single-byte code page, as in `Ã©` for `é` or `ā‚¢` for `™`).
    static func damage(in text: String) -> String? {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\u{FFFD}" { return "has a replacement character (U+FFFD): bytes that were not UTF-8" }
            if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" {
                return "has the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
            }
            guard let previous, (0xC0...0x17F).contains(previous.value) else { continue }
            if (0x80...0xBF).contains(scalar.value) || codePageC1.contains(scalar) {
                return "looks like mojibake (\"\(previous)\(scalar)\": UTF-8 read as a single-byte code page)"
            }
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
