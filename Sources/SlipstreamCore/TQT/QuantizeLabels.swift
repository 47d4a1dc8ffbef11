/// The words the TQT data uses for each UCR dimension, index = coordinate (slipcore's
/// `ACTION_LABELS`, `POLARITY_LABELS`, `DOMAIN_LABELS`, `URGENCY_LABELS`).
public enum QuantizeLabels {
    /// One of the four dimensions.
    public enum Dimension: String, Sendable, Hashable, CaseIterable, Codable {
        case action = "ACTION"
        case polarity = "POLARITY"
        case domain = "DOMAIN"
        case urgency = "URGENCY"

        /// The word for each level 0–7.
        public var labels: [String] {
            switch self {
            case .action: QuantizeLabels.action
            case .polarity: QuantizeLabels.polarity
            case .domain: QuantizeLabels.domain
            case .urgency: QuantizeLabels.urgency
            }
        }
    }

    public static let action = ["observe", "inform", "ask", "request", "propose", "commit", "evaluate", "meta"]
    public static let polarity = [
        "strongly_negative", "negative", "declining", "mild_negative", "neutral", "mild_positive", "positive",
        "strongly_positive",
    ]
    public static let domain = ["task", "plan", "observation", "evaluation", "control", "resource", "error", "general"]
    public static let urgency = ["background", "low", "low_normal", "normal", "elevated", "high", "urgent", "critical"]

    /// Other spellings seen in model output.
    private static let aliases: [Dimension: [String: Int]] = [
        .action: ["eval": 6, "evaluation": 6, "obs": 0, "observation": 0, "req": 3, "prop": 4, "inf": 1],
        .polarity: [
            "strong_negative": 0, "very_negative": 0, "mildly_negative": 3, "mildly_positive": 5, "strong_positive": 7, "very_positive": 7,
        ],
        .domain: ["eval": 3, "ctrl": 4, "res": 5, "err": 6, "gen": 7, "obs": 2, "planning": 1, "tasks": 0],
        .urgency: ["low-normal": 2, "lownormal": 2, "medium": 3, "routine": 3, "elevated_normal": 4, "very_high": 6],
    ]

    /// The level of `word` on `dimension`, case-insensitive; nil for an unknown word.
    public static func level(of word: some StringProtocol, on dimension: Dimension) -> Int? {
        let lowered = word.lowercased()
        if let index = dimension.labels.firstIndex(of: lowered) { return index }
        if let alias = aliases[dimension]?[lowered] { return alias }
        if let number = Int(lowered), (0..<Coordinates.levels).contains(number) { return number }
        return nil
    }

    /// The word for `level` on `dimension` (levels are clamped to 0–7).
    public static func word(for level: Int, on dimension: Dimension) -> String {
        dimension.labels[min(max(level, 0), Coordinates.levels - 1)]
    }
}

extension Coordinates {
    /// The value on one dimension.
    public subscript(dimension: QuantizeLabels.Dimension) -> Int {
        get {
            switch dimension {
            case .action: action
            case .polarity: polarity
            case .domain: domain
            case .urgency: urgency
            }
        }
        set {
            switch dimension {
            case .action: action = newValue
            case .polarity: polarity = newValue
            case .domain: domain = newValue
            case .urgency: urgency = newValue
            }
        }
    }
}
