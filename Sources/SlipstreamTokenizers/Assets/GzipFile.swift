/// Decompresses gzip (RFC 1952) files, checking the CRC-32 and size trailer.
enum GzipFile {
    /// The decompressed contents of a gzip file.
    static func decompress(_ input: [UInt8], path: String?) throws(TokenizerError) -> [UInt8] {
        func corrupt(_ reason: String, _ offset: Int) -> TokenizerError {
            TokenizerError(.malformedArchive, "corrupt gzip file: \(reason)", path: path, location: offset)
        }
        guard input.count >= 18, input[0] == 0x1F, input[1] == 0x8B, input[2] == 8 else {
            throw corrupt("missing gzip/deflate header", 0)
        }
        let flags = input[3]
        var offset = 10
        if flags & 0x04 != 0 {  // FEXTRA
            guard offset + 2 <= input.count else { throw corrupt("truncated extra field", offset) }
            offset += 2 + (Int(input[offset]) | Int(input[offset + 1]) << 8)
        }
        for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT
            while offset < input.count, input[offset] != 0 { offset += 1 }
            offset += 1
        }
        if flags & 0x02 != 0 { offset += 2 }  // FHCRC
        guard offset < input.count else { throw corrupt("truncated header", offset) }
        let (output, end) = try Inflate.decompress(input, from: offset, path: path)
        guard end + 8 <= input.count else { throw corrupt("truncated trailer", end) }
        let crc = readUInt32(input, end)
        let size = readUInt32(input, end + 4)
        guard crc == CRC32.checksum(output) else { throw corrupt("CRC-32 mismatch", end) }
        guard size == UInt32(truncatingIfNeeded: output.count) else { throw corrupt("size mismatch", end + 4) }
        return output
    }

    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}

/// The CRC-32 (IEEE) checksum used by gzip and zip.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return ~crc
    }
}
