import SlipstreamCore

/// One template of ``DatasetGenerator``: an instruction and a thought with `{slot}`s, the intent, and the
/// payload (a slot or fixed text), after slipcore's `finetune.py` templates.
struct GeneratorTemplate: Sendable {
    var instruction: String
    var thought: String
    var force: Force
    var object: String
    var payload: String
    /// The values of each slot.
    var slots: [String: [String]]
    /// Whether the wire is a Fallback carrying the instruction.
    var isFallback = false

    /// Every filling of the slots (in a fixed order).
    var fillings: [[String: String]] {
        let names = slots.keys.sorted().filter { name in
            instruction.contains("{\(name)}") || thought.contains("{\(name)}") || payload.contains("{\(name)}")
        }
        var fillings: [[String: String]] = [[:]]
        for name in names {
            fillings = fillings.flatMap { filling in (slots[name] ?? []).map { filling.merging([name: $0]) { $1 } } }
        }
        return fillings
    }

    static func fill(_ text: String, _ filling: [String: String]) -> String {
        filling.reduce(text) { $0.replacingAll("{\($1.key)}", with: $1.value) }
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
