import Foundation
import SlipstreamCore
import SlipstreamTokenizers

/// Token counts of the same intent in several representations, over a TQT dataset.
///
/// For each row: the natural-language instruction (the `human` turn), a JSON message with the wire's
/// information (`{"from","to","intent","payload"}`, compact and pretty), that JSON inside an
/// A2A-style JSON-RPC `message/send` envelope, the SLIP v1 wire, the same message as a v3 wire,
/// and the model's full TQT output (THOUGHT + QUANTIZE + SLIP lines).
struct TokenSavings: Sendable {
    /// The representations measured, in report order.
    enum Representation: String, CaseIterable, Sendable {
        case instruction
        case jsonCompact = "json_compact"
        case jsonPretty = "json_pretty"
        case a2aEnvelope = "a2a_envelope"
        case slipV1 = "slip_v1"
        case slipV3 = "slip_v3"
        case tqtOutput = "tqt_output"

        /// The representations that SLIP is compared against.
        static let baselines: [Representation] = [.instruction, .jsonCompact, .jsonPretty, .a2aEnvelope]
        /// The representations compared against the baselines.
        static let candidates: [Representation] = [.slipV1, .slipV3, .tqtOutput]
    }

    /// One measured row.
    struct Row: Sendable {
        var line: Int
        var anchor: String
        var counts: [Representation: Int]
    }

    /// Mean, median and total of one representation.
    struct Summary: Sendable {
        var mean: Double
        var median: Double
        var total: Int

        init(_ values: [Int]) {
            total = values.reduce(0, +)
            mean = values.isEmpty ? 0 : Double(total) / Double(values.count)
            median = Self.median(values.map(Double.init))
        }

        static func median(_ values: [Double]) -> Double {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    /// How much smaller a candidate is than a baseline.
    struct Reduction: Sendable {
        /// `1 - mean(candidate) / mean(baseline)`.
        var ofMeans: Double
        /// The median over rows of `1 - candidate / baseline`.
        var medianPerRow: Double
    }

    /// The tokenizer's name (`o200k_base`, or `server:<model>` for a model server's own tokenizer).
    var tokenizer: String
    var dataset: String
    var rows: [Row]
    /// Lines that could not be measured, with the reason.
    var skipped: [(line: Int, reason: String)]

    func summary(_ representation: Representation, anchor: String? = nil) -> Summary {
        Summary(rows.filter { anchor == nil || $0.anchor == anchor }.map { $0.counts[representation] ?? 0 })
    }

    func reduction(_ candidate: Representation, versus baseline: Representation, anchor: String? = nil) -> Reduction {
        let selected = rows.filter { anchor == nil || $0.anchor == anchor }
        let candidateTotal = selected.reduce(0) { $0 + ($1.counts[candidate] ?? 0) }
        let baselineTotal = selected.reduce(0) { $0 + ($1.counts[baseline] ?? 0) }
        let perRow = selected.compactMap { row -> Double? in
            guard let base = row.counts[baseline], base > 0 else { return nil }
            return 1 - Double(row.counts[candidate] ?? 0) / Double(base)
        }
        return Reduction(
            ofMeans: baselineTotal == 0 ? 0 : 1 - Double(candidateTotal) / Double(baselineTotal),
            medianPerRow: Summary.median(perRow))
    }

    /// Anchors by descending row count, then name.
    var anchors: [(anchor: String, rows: Int)] {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.anchor, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension TokenSavings {
    /// One ShareGPT row: `{"conversations": [{"from": ..., "value": ...}]}`.
    private struct ShareGPTRow: Decodable {
        struct Turn: Decodable {
            var from: String
            var value: String
        }
        var conversations: [Turn]
    }

    /// Measures every row of a TQT JSONL file with `tokenizer`.
    static func measure(datasetPath: String, tokenizer: Tokenizer) async throws -> TokenSavings {
        try await measure(datasetPath: datasetPath, tokenizerName: tokenizer.name.rawValue) { tokenizer.count($0) }
    }

    /// Measures every row of a TQT JSONL file with any token counter (a model server's `/tokenize`, say).
    static func measure(
        datasetPath: String, tokenizerName: String, count: (String) async throws -> Int
    ) async throws -> TokenSavings {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: datasetPath))
        } catch {
            throw CommandFailure("cannot read dataset \(datasetPath): \(error.localizedDescription)")
        }
        let translator = Translator(store: InMemoryFallbackStore())
        let decoder = JSONDecoder()
        var rows: [Row] = []
        var skipped: [(Int, String)] = []
        var number = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            guard let row = try? decoder.decode(ShareGPTRow.self, from: Data(line)) else {
                skipped.append((number, "not a JSON object with a conversations array"))
                continue
            }
            guard let instruction = row.conversations.first(where: { $0.from == "human" })?.value,
                let output = row.conversations.first(where: { $0.from == "gpt" })?.value
            else {
                skipped.append((number, "no human or gpt turn"))
                continue
            }
            let record: TQTRecord
            do {
                record = try TQTRecord.parse(output)
            } catch {
                skipped.append((number, "gpt turn is not a TQT record: \(error)"))
                continue
            }
            let v1: SlipMessage
            let v3: SlipMessage
            do {
                v1 = try await translator.translate(record.message, to: .v1).message
                v3 = try await translator.translate(record.message, to: .v3).message
            } catch {
                skipped.append((number, "cannot translate the wire: \(error)"))
                continue
            }
            let json = jsonMessage(v1)
            let counts: [Representation: Int] = [
                .instruction: try await count(instruction),
                .jsonCompact: try await count(json.compactText),
                .jsonPretty: try await count(json.pythonIndentedText),
                .a2aEnvelope: try await count(a2aEnvelope(json, row: number).compactText),
                .slipV1: try await count(v1.wire),
                .slipV3: try await count(v3.wire),
                .tqtOutput: try await count(output),
            ]
            rows.append(Row(line: number, anchor: v1.anchor, counts: counts))
        }
        return TokenSavings(tokenizer: tokenizerName, dataset: datasetPath, rows: rows, skipped: skipped)
    }

    /// The JSON message with the wire's information: `{"from","to","intent","payload"}`.
    static func jsonMessage(_ message: SlipMessage) -> JSONValue {
        .object([
            ("from", .string(message.src)), ("to", .string(message.dst)), ("intent", .string(message.anchor)),
            ("payload", .array(message.payload.map(JSONValue.string))),
        ])
    }

    /// An A2A JSON-RPC `message/send` request carrying `json` as a data part.
    ///
    /// Ids are UUID-shaped like real A2A traffic, derived from the row number so runs are reproducible.
    static func a2aEnvelope(_ json: JSONValue, row: Int) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("id", .int(row)), ("method", .string("message/send")),
            (
                "params",
                .object([
                    (
                        "message",
                        .object([
                            ("role", .string("agent")), ("messageId", .string(uuid(seed: UInt64(row)))),
                            ("contextId", .string(uuid(seed: 0xC0FFEE))),
                            ("parts", .array([.object([("kind", .string("data")), ("data", json)])])),
                        ])
                    )
                ])
            ),
        ])
    }

    /// A deterministic version-4-shaped UUID string.
    static func uuid(seed: UInt64) -> String {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let hex = String(next(), radix: 16).leftPadded(16) + String(next(), radix: 16).leftPadded(16)
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
