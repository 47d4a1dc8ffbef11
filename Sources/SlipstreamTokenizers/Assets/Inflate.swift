/// A small DEFLATE (RFC 1951) decoder for the rank files shipped compressed in wheels.
enum Inflate {
    /// Decompresses a raw DEFLATE stream starting at `offset` of `input`.
    ///
    /// - Returns: the decompressed bytes and the offset just past the stream.
    static func decompress(
        _ input: [UInt8], from offset: Int = 0, path: String?
    ) throws(TokenizerError) -> (
        output: [UInt8], end: Int
    ) {
        var reader = BitReader(input: input, position: offset)
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3)
        // Errors carry the offset where decoding stopped; the closures never capture the reader.
        let corrupt = { (reason: String, offset: Int) in
            TokenizerError(.malformedArchive, "corrupt DEFLATE data: \(reason)", path: path, location: offset)
        }
        var final = false
        while !final {
            guard let header = reader.bits(3) else { throw corrupt("truncated block header", reader.position) }
            final = header & 1 == 1
            switch header >> 1 {
            case 0:
                reader.alignToByte()
                guard let length = reader.bits(16), let complement = reader.bits(16), length == ~complement & 0xFFFF
                else { throw corrupt("bad stored block length", reader.position) }
                guard reader.position + length <= input.count else { throw corrupt("truncated stored block", reader.position) }
                output.append(contentsOf: input[reader.position..<(reader.position + length)])
                reader.position += length
            case 1:
                try inflateBlock(&reader, &output, literals: fixedLiterals, distances: fixedDistances, corrupt)
            case 2:
                let (literals, distances) = try readDynamicTables(&reader, corrupt)
                try inflateBlock(&reader, &output, literals: literals, distances: distances, corrupt)
            default:
                throw corrupt("reserved block type", reader.position)
            }
        }
        reader.alignToByte()
        return (output, reader.position)
    }

    /// A canonical Huffman code: symbol counts per length and symbols sorted by code.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ reader: inout BitReader) -> Int? {
            var code = 0
            var first = 0
            var index = 0
            for length in 1..<16 {
                guard let bit = reader.bits(1) else { return nil }
                code |= bit
                let count = counts[length]
                if code - count < first { return symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            return nil
        }
    }

    struct BitReader {
        let input: [UInt8]
        var position: Int
        var bitBuffer = 0
        var bitCount = 0

        init(input: [UInt8], position: Int) {
            self.input = input
            self.position = position
        }

        mutating func bits(_ count: Int) -> Int? {
            while bitCount < count {
                guard position < input.count else { return nil }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << count) - 1)
            bitBuffer >>= count
            bitCount -= count
            return value
        }

        mutating func alignToByte() {
            bitBuffer = 0
            bitCount = 0
        }
    }

    private static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    private static let fixedLiterals = Huffman(
        lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112) + [Int](repeating: 7, count: 24)
            + [Int](repeating: 8, count: 8))
    private static let fixedDistances = Huffman(lengths: [Int](repeating: 5, count: 30))

    private static func readDynamicTables(
        _ reader: inout BitReader, _ corrupt: (String, Int) -> TokenizerError
    ) throws(TokenizerError) -> (Huffman, Huffman) {
        guard let hlit = reader.bits(5), let hdist = reader.bits(5), let hclen = reader.bits(4) else {
            throw corrupt("truncated dynamic header", reader.position)
        }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<(hclen + 4) {
            guard let length = reader.bits(3) else { throw corrupt("truncated code lengths", reader.position) }
            codeLengths[order[i]] = length
        }
        let codeLengthCode = Huffman(lengths: codeLengths)
        let total = hlit + 257 + hdist + 1
        var lengths: [Int] = []
        lengths.reserveCapacity(total)
        while lengths.count < total {
            guard let symbol = codeLengthCode.decode(&reader) else { throw corrupt("bad code length symbol", reader.position) }
            switch symbol {
            case 0...15:
                lengths.append(symbol)
            case 16:
                guard let previous = lengths.last, let extra = reader.bits(2) else { throw corrupt("bad repeat", reader.position) }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + extra))
            case 17:
                guard let extra = reader.bits(3) else { throw corrupt("bad zero run", reader.position) }
                lengths.append(contentsOf: repeatElement(0, count: 3 + extra))
            default:
                guard let extra = reader.bits(7) else { throw corrupt("bad zero run", reader.position) }
                lengths.append(contentsOf: repeatElement(0, count: 11 + extra))
            }
        }
        guard lengths.count == total else { throw corrupt("code lengths overflow", reader.position) }
        return (
            Huffman(lengths: Array(lengths[0..<(hlit + 257)])), Huffman(lengths: Array(lengths[(hlit + 257)...]))
        )
    }

    private static func inflateBlock(
        _ reader: inout BitReader, _ output: inout [UInt8], literals: Huffman, distances: Huffman,
        _ corrupt: (String, Int) -> TokenizerError
    ) throws(TokenizerError) {
        while true {
            guard let symbol = literals.decode(&reader) else { throw corrupt("bad literal/length code", reader.position) }
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count, let lengthExtraBits = reader.bits(lengthExtra[lengthIndex]) else {
                throw corrupt("bad length symbol", reader.position)
            }
            let length = lengthBase[lengthIndex] + lengthExtraBits
            guard let distanceSymbol = distances.decode(&reader), distanceSymbol < distanceBase.count,
                let distanceExtraBits = reader.bits(distanceExtra[distanceSymbol])
            else { throw corrupt("bad distance code", reader.position) }
            let distance = distanceBase[distanceSymbol] + distanceExtraBits
            guard distance <= output.count else { throw corrupt("distance reaches before the start", reader.position) }
            let start = output.count - distance
            for i in 0..<length { output.append(output[start + i]) }
        }
    }
}
