import SlipstreamCore

/// What a TQT JSONL file holds: rows per anchor and Force, the Fallback share, wire sizes and (given a
/// token counter) the tokens of each turn. Rows are added one at a time.
///
/// ```swift
/// var stats = DatasetStats(tokenCounter: { tokenizer.count($0) })
/// for line in lines { stats.add(line) }
/// stats.fallbackShare   // 0.08
/// ```
public struct DatasetStats: Sendable {
    /// Counts tokens of a text, e.g. `cl100k_base`'s.
    public typealias TokenCounter = @Sendable (String) -> Int

    /// Non-blank lines.
    public private(set) var rows = 0
    /// Rows that are not a conversation with a usable TQT record (see `data check` for why).
    public private(set) var unreadableRows = 0
    /// Rows with a usable record, per layout and per wire version.
    public private(set) var layouts: [DatasetRow.Layout: Int] = [:]
    public private(set) var versions: [WireVersion: Int] = [:]
    /// Rows per anchor (v1 mnemonic, or v3 `Force Object`) and per Force.
    public private(set) var anchors: [String: Int] = [:]
    public private(set) var forces: [Force: Int] = [:]
    /// Records with a THOUGHT line, with a QUANTIZE line, and wires the lenient parser had to repair.
    public private(set) var withThought = 0
    public private(set) var withQuantize = 0
    public private(set) var repairedWires = 0
    /// Rows whose human text (normalized) an earlier row has.
    public private(set) var duplicateTexts = 0
    /// Distinct system prompts (none counted for rows without one).
    public var distinctSystemPrompts: Int { systemPrompts.count }
    /// UTF-8 bytes of the wire as the row writes it, and its payload tokens.
    public private(set) var wireBytes = Distribution()
    public private(set) var payloadTokens = Distribution()
    /// Tokens of each turn, and of the wire alone, when there is a token counter.
    public private(set) var turnTokens: [DatasetRow.Role: Distribution] = [:]
    public private(set) var wireTokens = Distribution()

    private let tokenCounter: TokenCounter?
    private let parser: WireParser
    private var systemPrompts: Set<UInt64> = []
    private var texts: Set<UInt64> = []

    public init(tokenCounter: TokenCounter? = nil, wireConfiguration: WireParser.Configuration = WireParser.Configuration()) {
        self.tokenCounter = tokenCounter
        parser = WireParser(profile: .lenient, configuration: wireConfiguration)
    }

    /// Whether token counts are measured.
    public var countsTokens: Bool { tokenCounter != nil }

    /// The share of usable rows whose wire is a Fallback.
    public var fallbackShare: Double {
        let usable = rows - unreadableRows
        return usable == 0 ? 0 : Double(forces[.fallback] ?? 0) / Double(usable)
    }

    /// Adds one line of the file (blank lines are skipped).
    public mutating func add(_ line: String) {
        if line.allSatisfy(\.isWhitespace) { return }
        rows += 1
        guard let row = try? DatasetRow(jsonLine: line), let example = try? TQTExample(row: row, parser: parser) else {
            unreadableRows += 1
            return
        }
        add(row, example.record)
    }

    /// Adds a row too long to read.
    public mutating func addUnreadable() {
        rows += 1
        unreadableRows += 1
    }

    private mutating func add(_ row: DatasetRow, _ record: TQTRecord) {
        let message = record.message
        layouts[row.layout, default: 0] += 1
        versions[message.version, default: 0] += 1
        anchors[message.version == .v1 ? message.anchor : "\(message.force.rawValue) \(message.object)", default: 0] += 1
        forces[message.force, default: 0] += 1
        if record.thought != nil { withThought += 1 }
        if record.quantize != nil { withQuantize += 1 }
        if !record.repairs.isEmpty { repairedWires += 1 }
        if let system = row.system { systemPrompts.insert(TextKey.digest(system)) }
        if !texts.insert(TextKey(row.human ?? "").normalized).inserted { duplicateTexts += 1 }
        wireBytes.add(record.rawWire.utf8.count)
        payloadTokens.add(message.payload.count)
        guard let tokenCounter else { return }
        for role in DatasetRow.Role.allCases {
            if let text = row.text(of: role) { turnTokens[role, default: Distribution()].add(tokenCounter(text)) }
        }
        wireTokens.add(tokenCounter(record.rawWire))
    }
}
