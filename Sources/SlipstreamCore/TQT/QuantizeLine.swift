/// The QUANTIZE line of a TQT record: the four dimension words and the anchor they lead to.
///
/// v1: `QUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=normal | POLARITY=neutral] -> RequestReview`;
/// v3: `QUANTIZE: Force=Request Object=Plan`.
public struct QuantizeLine: Sendable, Hashable {
    public var action: String?
    public var domain: String?
    public var urgency: String?
    public var polarity: String?
    /// The anchor after `->` (or `ANCHOR=`), as written.
    public var anchor: String?
    /// v3 records: `Force=` and `Object=`.
    public var force: String?
    public var object: String?

    public init(
        action: String? = nil, domain: String? = nil, urgency: String? = nil, polarity: String? = nil,
        anchor: String? = nil, force: String? = nil, object: String? = nil
    ) {
        self.action = action
        self.domain = domain
        self.urgency = urgency
        self.polarity = polarity
        self.anchor = anchor
        self.force = force
        self.object = object
    }

    /// A v1 line for coordinates and an anchor.
    public init(coords: Coordinates, anchor: String) {
        self.init(
            action: QuantizeLabels.word(for: coords.action, on: .action),
            domain: QuantizeLabels.word(for: coords.domain, on: .domain),
            urgency: QuantizeLabels.word(for: coords.urgency, on: .urgency),
            polarity: QuantizeLabels.word(for: coords.polarity, on: .polarity), anchor: anchor)
    }

    /// The word given for a dimension.
    public subscript(dimension: QuantizeLabels.Dimension) -> String? {
        switch dimension {
        case .action: action
        case .polarity: polarity
        case .domain: domain
        case .urgency: urgency
        }
    }

    /// The coordinates, when all four words are known.
    public var coords: Coordinates? {
        guard let a = action.flatMap({ QuantizeLabels.level(of: $0, on: .action) }),
            let p = polarity.flatMap({ QuantizeLabels.level(of: $0, on: .polarity) }),
            let d = domain.flatMap({ QuantizeLabels.level(of: $0, on: .domain) }),
            let u = urgency.flatMap({ QuantizeLabels.level(of: $0, on: .urgency) })
        else { return nil }
        return Coordinates(a, p, d, u)
    }

    /// The line's text after `QUANTIZE: `.
    public var formatted: String {
        if let force, let object, action == nil { return "Force=\(force) Object=\(object)" }
        var parts: [String] = []
        if let action { parts.append("ACTION=\(action)") }
        if let domain { parts.append("DOMAIN=\(domain)") }
        if let urgency { parts.append("URGENCY=\(urgency)") }
        if let polarity { parts.append("POLARITY=\(polarity)") }
        if parts.isEmpty, let anchor { parts.append("ANCHOR=\(anchor)") }
        var text = "[" + parts.joined(separator: " | ") + "]"
        if let anchor { text += " -> \(anchor)" }
        return text
    }

    /// Reads the text after `QUANTIZE:`; unknown keys are ignored.
    public static func parse(_ text: some StringProtocol) -> QuantizeLine {
        var line = QuantizeLine()
        var body = Substring(text)
        if let arrow = body.firstRange(of: "->") ?? body.firstRange(of: "→") {
            let target = body[arrow.upperBound...].split(whereSeparator: { $0.isWhitespace || $0 == "`" || $0 == "*" }).first
            line.anchor = target.map { String($0.filter { $0.isLetter || $0.isNumber || $0 == "_" }) }.flatMap { $0.isEmpty ? nil : $0 }
            body = body[..<arrow.lowerBound]
        }
        let pairs = body.split(whereSeparator: { "[]|,;".contains($0) || $0.isWhitespace })
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters() }
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            let value = String(parts[1])
            switch parts[0].uppercased() {
            case "ACTION": line.action = value
            case "DOMAIN": line.domain = value
            case "URGENCY": line.urgency = value
            case "POLARITY": line.polarity = value
            case "ANCHOR": line.anchor = line.anchor ?? value
            case "FORCE": line.force = value
            case "OBJECT": line.object = value
            default: continue
            }
        }
        return line
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace || c == "`" || c == "*" { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || c == "`" || c == "*" { s = s.dropLast() }
        return s
    }
}
