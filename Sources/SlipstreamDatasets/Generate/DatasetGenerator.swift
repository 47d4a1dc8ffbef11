import SlipstreamCore

/// Makes synthetic TQT rows in the spirit of slipcore's `finetune.py` generator: its templates (request,
/// inform, eval, propose, meta, Fallback), intents and payloads, as full records (THOUGHT, QUANTIZE, SLIP) of
/// either wire version that pass ``DatasetChecker``.
///
/// Every filling of every template is one distinct row; the rows are shuffled with the seed, and a count
/// beyond ``distinctRows`` repeats them in the same order (duplicate texts with the same anchor).
///
/// ```swift
/// let rows = DatasetGenerator(wire: .v3, seed: 42, systemPrompt: prompt).rows(count: 100)
/// rows[0].gpt   // "THOUGHT: …\nQUANTIZE: Force=Request Object=Task\nSLIP: SLIP v3 agent bob Request Task caching"
/// ```
public struct DatasetGenerator: Sendable {
    public var wire: WireVersion
    public var seed: UInt64
    /// The system turn of every row (none when nil).
    public var systemPrompt: String?
    /// Whether Fallback rows are made.
    public var includeFallbacks: Bool
    /// The sending agent of every wire (slipcore's generator uses `agent`).
    public var src: String

    public init(wire: WireVersion, seed: UInt64, systemPrompt: String?, includeFallbacks: Bool = true, src: String = "agent") {
        self.wire = wire
        self.seed = seed
        self.systemPrompt = systemPrompt
        self.includeFallbacks = includeFallbacks
        self.src = src
    }

    /// How many different rows there are.
    public var distinctRows: Int { templates.reduce(0) { $0 + $1.fillings.count } }

    /// `count` rows.
    public func rows(count: Int) -> [DatasetRow] {
        var pool = templates.flatMap { template in template.fillings.map { (template, $0) } }
        guard !pool.isEmpty, count > 0 else { return [] }
        var rng = SplitMix64(seed: seed)
        for index in pool.indices.reversed() where index > 0 {
            pool.swapAt(index, rng.below(index + 1))
        }
        return (0..<count).map { row(pool[$0 % pool.count].0, pool[$0 % pool.count].1) }
    }

    private var templates: [GeneratorTemplate] { GeneratorTemplate.catalog.filter { includeFallbacks || !$0.isFallback } }

    private func row(_ template: GeneratorTemplate, _ filling: [String: String]) -> DatasetRow {
        let instruction = GeneratorTemplate.fill(template.instruction, filling)
        let thought = GeneratorTemplate.fill(template.thought, filling)
        let payload = String(GeneratorTemplate.fill(template.payload, filling).filter { $0.isLetter || $0.isNumber })
        let dst = filling["dst"] ?? "other"
        let message: SlipMessage
        switch (wire, template.isFallback) {
        case (.v3, true):
            message = .v3(src: src, dst: dst, force: .fallback, object: "Generic", fallbackRef: InMemoryFallbackStore.ref(for: instruction))
        case (.v3, false):
            message = .v3(src: src, dst: dst, force: template.force, object: template.object, payload: payload.isEmpty ? [] : [payload])
        case (.v1, _):
            let mnemonic = MnemonicTable.v1Mnemonic(force: template.force, object: template.object)
            let anchor = UCR.v1.anchor(mnemonic: mnemonic) ?? UCR.v1.anchor(mnemonic: "Fallback")!
            let items = template.isFallback ? [instruction] : payload.isEmpty ? [] : [payload]
            message = .v1(src: src, dst: dst, anchor: anchor, payload: items)
        }
        let record = TQTRecord(thought: thought, quantize: QuantizeLine(for: message), message: message)
        return DatasetRow(system: systemPrompt, human: instruction, gpt: record.formatted)
    }
}
