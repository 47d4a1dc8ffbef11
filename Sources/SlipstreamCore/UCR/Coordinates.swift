/// A point of the UCR's 4-D semantic manifold; each dimension has 8 levels (0–7).
public struct Coordinates: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number of levels on each dimension.
    public static let levels = 8

    public var action: Int
    public var polarity: Int
    public var domain: Int
    public var urgency: Int

    public init(action: Int, polarity: Int, domain: Int, urgency: Int) {
        self.action = action
        self.polarity = polarity
        self.domain = domain
        self.urgency = urgency
    }

    /// Coordinates in slipcore's tuple order `(ACTION, POLARITY, DOMAIN, URGENCY)`.
    public init(_ a: Int, _ p: Int, _ d: Int, _ u: Int) {
        self.init(action: a, polarity: p, domain: d, urgency: u)
    }

    /// The four values in slipcore's order.
    public var values: [Int] { [action, polarity, domain, urgency] }

    /// Whether every value lies in 0–7.
    public var isInRange: Bool { values.allSatisfy { (0..<Self.levels).contains($0) } }

    /// Manhattan (L1) distance, the metric slipcore's `find_nearest` uses.
    public func distance(to other: Coordinates) -> Int {
        abs(action - other.action) + abs(polarity - other.polarity) + abs(domain - other.domain)
            + abs(urgency - other.urgency)
    }

    public var description: String { "(\(action), \(polarity), \(domain), \(urgency))" }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init(
            try container.decode(Int.self), try container.decode(Int.self), try container.decode(Int.self),
            try container.decode(Int.self))
        if !container.isAtEnd {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "coords must have exactly 4 values")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(contentsOf: values)
    }
}
