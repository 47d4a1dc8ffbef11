import Foundation
import SlipstreamTokenizers

/// Paths and fixtures shared by the tokenizer tests.
enum TestSupport {
    /// Whether both real rank files are in the asset cache.
    static var rankFilesPresent: Bool {
        TokenizerName.allCases.allSatisfy {
            FileManager.default.fileExists(atPath: AssetCache.default.rankFileURL(for: $0).path)
        }
    }

    /// Real tokenizers from the asset cache, loaded once.
    static let realTokenizers: [TokenizerName: Tokenizer] = {
        var result: [TokenizerName: Tokenizer] = [:]
        for name in TokenizerName.allCases { result[name] = try? Tokenizer.load(name) }
        return result
    }()

    /// A tiny rank file: all 256 bytes, then the given merged tokens in rank order.
    static func tinyRankFile(merges: [String]) -> [UInt8] {
        var lines: [String] = []
        for byte in 0..<256 { lines.append("\(Data([UInt8(byte)]).base64EncodedString()) \(byte)") }
        for (index, token) in merges.enumerated() {
            lines.append("\(Data(token.utf8).base64EncodedString()) \(256 + index)")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
