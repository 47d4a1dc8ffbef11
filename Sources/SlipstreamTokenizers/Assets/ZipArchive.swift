/// Reads members of a zip archive (such as a Python wheel) held in memory.
struct ZipArchive {
    /// One member of the archive.
    struct Entry {
        var name: String
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var crc32: UInt32
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let path: String?
    /// The members, in central-directory order.
    let entries: [Entry]

    /// Parses the central directory of `bytes`.
    init(_ bytes: [UInt8], path: String?) throws(TokenizerError) {
        self.bytes = bytes
        self.path = path
        func corrupt(_ reason: String, _ offset: Int) -> TokenizerError {
            TokenizerError(.malformedArchive, "corrupt zip archive: \(reason)", path: path, location: offset)
        }
        // The end-of-central-directory record is in the last 65,557 bytes.
        var eocd = bytes.count - 22
        let lowest = max(0, bytes.count - 65_557)
        while eocd >= lowest, Self.u32(bytes, eocd) != 0x0605_4B50 { eocd -= 1 }
        guard eocd >= lowest, eocd >= 0 else { throw corrupt("no end-of-central-directory record", bytes.count) }
        let count = Self.u16(bytes, eocd + 10)
        var offset = Int(Self.u32(bytes, eocd + 16))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, Self.u32(bytes, offset) == 0x0201_4B50 else {
                throw corrupt("bad central directory entry", offset)
            }
            let nameLength = Self.u16(bytes, offset + 28)
            let extraLength = Self.u16(bytes, offset + 30)
            let commentLength = Self.u16(bytes, offset + 32)
            guard offset + 46 + nameLength <= bytes.count else { throw corrupt("truncated entry name", offset) }
            entries.append(
                Entry(
                    name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                    method: Self.u16(bytes, offset + 10),
                    compressedSize: Int(Self.u32(bytes, offset + 20)),
                    uncompressedSize: Int(Self.u32(bytes, offset + 24)),
                    crc32: Self.u32(bytes, offset + 16),
                    localHeaderOffset: Int(Self.u32(bytes, offset + 42))))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The decompressed contents of `entry`, CRC-checked.
    func contents(of entry: Entry) throws(TokenizerError) -> [UInt8] {
        let header = entry.localHeaderOffset
        func corrupt(_ reason: String) -> TokenizerError {
            TokenizerError(
                .malformedArchive, "corrupt zip member \(entry.name): \(reason)", path: path, location: header)
        }
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else {
            throw corrupt("bad local header")
        }
        let dataStart = header + 30 + Self.u16(bytes, header + 26) + Self.u16(bytes, header + 28)
        guard dataStart + entry.compressedSize <= bytes.count else { throw corrupt("truncated data") }
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(bytes[dataStart..<(dataStart + entry.compressedSize)])
        case 8:
            output = try Inflate.decompress(bytes, from: dataStart, path: path).output
        default:
            throw corrupt("unsupported compression method \(entry.method)")
        }
        guard output.count == entry.uncompressedSize, CRC32.checksum(output) == entry.crc32 else {
            throw corrupt("size or CRC-32 mismatch")
        }
        return output
    }

    private static func u16(_ bytes: [UInt8], _ offset: Int) -> Int {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return GzipFile.readUInt32(bytes, offset)
    }
}
