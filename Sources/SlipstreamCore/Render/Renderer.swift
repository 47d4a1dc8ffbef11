/// Human-readable renderings of messages (slipcore's `render_human` and `render_log_line`).
public struct Renderer: Sendable {
    public var v1Codebook: UCR
    public var v3Codebook: UCR

    public init(v1Codebook: UCR = .v1, v3Codebook: UCR = .v3) {
        self.v1Codebook = v1Codebook
        self.v3Codebook = v3Codebook
    }

    /// The codebook anchor of a message, if its codebook has one.
    public func anchor(of message: SlipMessage) -> UCRAnchor? {
        switch message.version {
        case .v1: v1Codebook.anchor(mnemonic: message.anchor)
        case .v3: v3Codebook.anchor(force: message.force, object: message.object)
        }
    }

    /// `[planner -> exec] Request Plan: "Request plan creation" (payload: timeline)`; v1 messages show
    /// their mnemonic: `[alice -> bob] RequestReview: "Request review of work" (payload: auth_module)`.
    public func human(_ message: SlipMessage) -> String {
        let name = message.version == .v3 ? "\(message.force.rawValue) \(message.object)" : message.anchor
        let canonical = anchor(of: message)?.canonical ?? name
        var text = "[\(message.src) -> \(message.dst)] \(name): \"\(canonical)\""
        if message.isFallback, let ref = message.fallbackRef {
            text += " (fallback ref: \(ref))"
        } else if !message.payload.isEmpty {
            text += " (payload: \(message.payload.joined(separator: " ")))"
        }
        return text
    }

    /// `planner->exec | Request Plan | Request plan creation | payload=timeline | ref=-`.
    public func logLine(_ message: SlipMessage) -> String {
        let name = message.version == .v3 ? "\(message.force.rawValue) \(message.object)" : message.anchor
        let canonical = anchor(of: message)?.canonical ?? "unknown"
        let payload = message.payload.isEmpty ? "-" : message.payload.joined(separator: " ")
        return "\(message.src)->\(message.dst) | \(name) | \(canonical) | payload=\(payload) | ref=\(message.fallbackRef ?? "-")"
    }
}
