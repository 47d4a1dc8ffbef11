#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An exact, tiktoken-compatible byte-level BPE tokenizer for `cl100k_base` and `o200k_base`.
///
/// Load one from the asset cache (filled by `slipstream assets fetch`) or from a rank file:
///
/// ```swift
/// let tokenizer = try Tokenizer.load(.o200kBase)
/// let ids = tokenizer.encode("SLIP v1 alice bob RequestReview auth_module")
/// let count = tokenizer.count("hello world")        // no id array allocated
/// let text = try tokenizer.decode(ids)
/// ```
public struct Tokenizer: Sendable {
    /// The encoding this tokenizer reproduces.
    public let name: TokenizerName

    let ranks: RankTable
    let preTokenizer: PreTokenizer
    private let specialIDs: [String: Int]
    private let specialNames: [Int: String]

    /// Creates a tokenizer from the contents of a `.tiktoken` rank file.
    ///
    /// - Parameters:
    ///   - name: the encoding whose split pattern and special tokens to use.
    ///   - rankFileContents: the bytes of the (uncompressed) rank file.
    ///   - path: where the contents came from, for error messages.
    public init(name: TokenizerName, rankFileContents: [UInt8], path: String? = nil) throws(TokenizerError) {
        self.name = name
        ranks = try RankFileParser.parse(rankFileContents, path: path)
        preTokenizer = PreTokenizer(pattern: name.splitPattern)
        specialIDs = name.specialTokens
        specialNames = Dictionary(uniqueKeysWithValues: name.specialTokens.map { ($0.value, $0.key) })
        _ = ScalarClassTable.shared
    }

    /// The number of ids in the vocabulary, special tokens included.
    public var vocabularySize: Int { ranks.tokenCount + specialIDs.count }

    /// The special tokens of the encoding and their ids.
    public var specialTokens: [String: Int] { specialIDs }

    // MARK: Encoding

    /// Encodes `text` to token ids; special-token text is encoded as ordinary text unless allowed.
    public func encode(_ text: String, allowedSpecial: AllowedSpecialTokens = .none) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count / 3 + 1)
        forEachToken(in: text, allowedSpecial: allowedSpecial) { ids.append(Int($0)) }
        return ids
    }

    /// Counts the tokens of `text` without building the id array.
    public func count(_ text: String, allowedSpecial: AllowedSpecialTokens = .none) -> Int {
        var total = 0
        forEachToken(in: text, allowedSpecial: allowedSpecial) { _ in total += 1 }
        return total
    }

    /// Calls `body` with each token id of `text`, in order.
    public func forEachToken(
        in text: String, allowedSpecial: AllowedSpecialTokens = .none, _ body: (UInt32) -> Void
    ) {
        var text = text
        text.withUTF8 { buffer in
            guard !allowedSpecial.isEmpty else {
                encodeOrdinary(buffer, body)
                return
            }
            var start = 0
            while let (matchStart, matchEnd, id) = nextSpecial(in: buffer, from: start, allowed: allowedSpecial) {
                encodeOrdinary(UnsafeBufferPointer(rebasing: buffer[start..<matchStart]), body)
                body(UInt32(id))
                start = matchEnd
            }
            encodeOrdinary(UnsafeBufferPointer(rebasing: buffer[start...]), body)
        }
    }

    /// The pieces the pre-tokenizer splits `text` into (tiktoken's regex matches).
    public func pieces(of text: String) -> [String] { preTokenizer.pieces(of: text) }

    /// The special-token strings that occur in `text`, in order, whether or not they are allowed.
    public func specialTokenMatches(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            var found: [String] = []
            var start = 0
            while let (matchStart, matchEnd, _) = nextSpecial(in: buffer, from: start, allowed: .all) {
                found.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[matchStart..<matchEnd]), as: UTF8.self))
                start = matchEnd
            }
            return found
        }
    }

    @inline(__always)
    private func encodeOrdinary(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        guard let base = buffer.baseAddress else { return }
        let ranks = self.ranks
        let merger = BytePairMerger(ranks: ranks)
        preTokenizer.split(buffer) { start, end in
            let length = end - start
            let rank = ranks.rank(of: base + start, length: length)
            if rank != RankTable.missing {
                body(rank)
            } else {
                merger.encode(base + start, length: length, body)
            }
        }
    }

    /// The leftmost allowed special token at or after `start`: its byte range and id.
    private func nextSpecial(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, allowed: AllowedSpecialTokens
    ) -> (Int, Int, Int)? {
        var index = start
        let count = buffer.count
        while index + 1 < count {
            if buffer[index] == UInt8(ascii: "<"), buffer[index + 1] == UInt8(ascii: "|") {
                for (special, id) in specialIDs where allowed.allows(special) {
                    let utf8 = special.utf8
                    if index + utf8.count <= count, buffer[index..<(index + utf8.count)].elementsEqual(utf8) {
                        return (index, index + utf8.count, id)
                    }
                }
            }
            index += 1
        }
        return nil
    }

    // MARK: Decoding

    /// The bytes of the tokens `ids`, concatenated.
    ///
    /// - Throws: `TokenizerError.Code.unknownTokenID` naming the first id not in the vocabulary.
    public func decodeBytes(_ ids: some Sequence<Int>) throws(TokenizerError) -> [UInt8] {
        var output: [UInt8] = []
        for (position, id) in ids.enumerated() {
            if let bytes = ranks.bytes(ofRank: id) {
                output.append(contentsOf: bytes)
            } else if let special = specialNames[id] {
                output.append(contentsOf: special.utf8)
            } else {
                throw TokenizerError(
                    .unknownTokenID, "token id \(id) at position \(position) is not in \(name)", location: position)
            }
        }
        return output
    }

    /// Decodes `ids` to text; byte sequences that are not valid UTF-8 become U+FFFD, as in tiktoken.
    public func decode(_ ids: some Sequence<Int>) throws(TokenizerError) -> String {
        String(decoding: try decodeBytes(ids), as: UTF8.self)
    }

    /// The bytes of one token id, or `nil` if it is not in the vocabulary.
    public func tokenBytes(_ id: Int) -> [UInt8]? {
        if let bytes = ranks.bytes(ofRank: id) { return Array(bytes) }
        return specialNames[id].map { Array($0.utf8) }
    }
}
