#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LocalModel {
    /// The model as bytes: `SLPQ`, UInt32 header length, the JSON header, then the Float32 arrays
    /// (idf, weights, bias), all little-endian.
    public func serialized() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = Array(try encoder.encode(metadata))
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + 4 * (idf.count + weights.count + bias.count))
        out += Self.magic
        var length = UInt32(header.count).littleEndian
        withUnsafeBytes(of: &length) { out += $0 }
        out += header
        for array in [idf, weights, bias] {
            array.withUnsafeBufferPointer { buffer in
                for value in buffer {
                    var bits = value.bitPattern.littleEndian
                    withUnsafeBytes(of: &bits) { out += $0 }
                }
            }
        }
        return out
    }

    /// Reads a model written by ``serialized()``.
    public init(bytes: some Collection<UInt8>, source: String = "model") throws(QuantizerError) {
        let data = Array(bytes)
        guard data.count >= 8, Array(data[0..<4]) == Self.magic else {
            throw QuantizerError(.invalidModel, "not a slipstream local model (missing SLPQ magic)", location: source)
        }
        let headerLength = Int(UInt32(data[4]) | UInt32(data[5]) << 8 | UInt32(data[6]) << 16 | UInt32(data[7]) << 24)
        guard data.count >= 8 + headerLength else {
            throw QuantizerError(.invalidModel, "header of \(headerLength) bytes is cut short", location: source)
        }
        let metadata: Metadata
        do {
            metadata = try JSONDecoder().decode(Metadata.self, from: Data(data[8..<(8 + headerLength)]))
        } catch {
            throw QuantizerError(.invalidModel, "header is not valid JSON: \(error)", location: source)
        }
        guard metadata.formatVersion == Self.formatVersion else {
            throw QuantizerError(
                .invalidModel, "format version \(metadata.formatVersion) is not \(Self.formatVersion)", location: source)
        }
        let k = metadata.classes.count
        let counts = [metadata.buckets, metadata.buckets * k, k]
        guard metadata.buckets > 0, metadata.buckets <= 1 << 24, k > 0, k < 4096 else {
            throw QuantizerError(.invalidModel, "implausible sizes: \(metadata.buckets) buckets, \(k) classes", location: source)
        }
        let expected = 8 + headerLength + 4 * counts.reduce(0, +)
        guard data.count == expected else {
            throw QuantizerError(.invalidModel, "file has \(data.count) bytes, expected \(expected)", location: source)
        }
        var offset = 8 + headerLength
        var arrays: [[Float]] = []
        data.withUnsafeBytes { raw in
            for count in counts {
                var array = [Float](repeating: 0, count: count)
                array.withUnsafeMutableBytes { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 4 * count)]))
                }
                #if _endian(big)
                array = array.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
                #endif
                arrays.append(array)
                offset += 4 * count
            }
        }
        try self.init(metadata: metadata, idf: arrays[0], weights: arrays[1], bias: arrays[2])
    }

    /// Reads a model file.
    public init(contentsOf path: String) throws(QuantizerError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw QuantizerError(.io, "cannot read model: \(error)", location: path)
        }
        try self.init(bytes: data, source: path)
    }

    /// Writes the model file.
    public func write(to path: String) throws(QuantizerError) {
        do {
            try Data(try serialized()).write(to: URL(fileURLWithPath: path))
        } catch {
            throw QuantizerError(.io, "cannot write model: \(error)", location: path)
        }
    }
}
