/// Parses tiktoken rank files: one `BASE64TOKEN RANK` pair per line.
enum RankFileParser {
    /// Parses the contents of a rank file into a `RankTable`.
    ///
    /// - Parameters:
    ///   - contents: the file's bytes.
    ///   - path: the file, for error messages.
    static func parse(_ contents: [UInt8], path: String?) throws(TokenizerError) -> RankTable {
        var entries: [(rank: UInt32, offset: Int, length: Int, line: Int)] = []
        entries.reserveCapacity(contents.count / 12)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(contents.count)
        var line = 0
        var index = 0
        let count = contents.count
        while index < count {
            line += 1
            var lineEnd = index
            while lineEnd < count, contents[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > index, contents[end - 1] == 0x0D { end -= 1 }
            defer { index = lineEnd + 1 }
            if end == index { continue }  // Blank line.
            guard let space = contents[index..<end].firstIndex(of: 0x20) else {
                throw TokenizerError(.malformedRankFile, "line \(line) is not `BASE64 RANK`", path: path, location: line)
            }
            let offset = bytes.count
            guard decodeBase64(contents[index..<space], into: &bytes), bytes.count > offset else {
                throw TokenizerError(
                    .malformedRankFile, "line \(line) has an invalid or empty base64 token", path: path, location: line)
            }
            var rank: UInt64 = 0
            var digits = 0
            for byte in contents[(space + 1)..<end] {
                guard byte >= 0x30, byte <= 0x39, rank < 100_000_000 else {
                    digits = -1
                    break
                }
                rank = rank * 10 + UInt64(byte - 0x30)
                digits += 1
            }
            guard digits > 0 else {
                throw TokenizerError(
                    .malformedRankFile, "line \(line) has a rank that is not a number below 100,000,000",
                    path: path, location: line)
            }
            entries.append((UInt32(rank), offset, bytes.count - offset, line))
        }
        guard !entries.isEmpty else {
            throw TokenizerError(.malformedRankFile, "the rank file has no tokens", path: path)
        }
        return try RankTable(entries: entries, bytes: bytes, path: path)
    }

    /// Decodes standard base64 (with optional `=` padding) and appends the bytes; `false` if invalid.
    static func decodeBase64(_ text: ArraySlice<UInt8>, into output: inout [UInt8]) -> Bool {
        var buffer: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in text {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: return false
            }
            if padding > 0 { return false }  // Data after padding.
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return (text.count % 4 == 0 || padding == 0) && padding <= 2
    }
}
