/// The closed set of v3 Force tokens (speech-act types), exactly as slipcore 3.1.1 defines them.
public enum Force: String, Sendable, Hashable, CaseIterable, Codable {
    case observe = "Observe"
    case inform = "Inform"
    case ask = "Ask"
    case request = "Request"
    case propose = "Propose"
    case commit = "Commit"
    case eval = "Eval"
    case meta = "Meta"
    case accept = "Accept"
    case reject = "Reject"
    case error = "Error"
    case fallback = "Fallback"

    /// The Force spelled `name` in any letter case (`request` → `.request`).
    public init?(caseInsensitive name: some StringProtocol) {
        let lowered = name.lowercased()
        guard let force = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = force
    }

    /// The ACTION coordinate slipcore assigns to this Force.
    public var actionCoordinate: Int {
        switch self {
        case .observe: 0
        case .inform, .error: 1
        case .ask: 2
        case .request: 3
        case .propose: 4
        case .commit, .accept, .reject: 5
        case .eval: 6
        case .meta, .fallback: 7
        }
    }
}
