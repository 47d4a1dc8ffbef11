import SlipstreamCore

/// Writes the THOUGHT line from the anchor, the recipient and the payload terms. It is a template, not
/// generated reasoning: `RequestReview` + `bob` + `auth_module` → "I need bob to review the auth module".
public struct ThoughtTemplate: Sendable, Hashable {
    public init() {}

    /// How one anchor's sentence is put together: `lead` + dst + `middle` + the topic, or " on " + the
    /// topic when there are terms.
    struct Pattern {
        enum Ending {
            /// "… the auth module" (or "… this" without terms).
            case topic
            /// "… on the auth module" (nothing without terms).
            case about
            /// Nothing.
            case none
        }

        var lead: StaticString
        /// Whether the recipient follows `lead`.
        var namesRecipient: Bool
        var middle: StaticString
        var ending: Ending
    }

    /// The sentence pattern of a v1 anchor, or nil for anchors without one (their canonical text is used).
    static func pattern(_ mnemonic: String) -> Pattern? {
        switch mnemonic {
        case "RequestTask": Pattern(lead: "I need ", namesRecipient: true, middle: " to carry out a task: ", ending: .topic)
        case "RequestPlan": Pattern(lead: "I need ", namesRecipient: true, middle: " to draw up a plan for ", ending: .topic)
        case "RequestReview": Pattern(lead: "I need ", namesRecipient: true, middle: " to review ", ending: .topic)
        case "RequestHelp": Pattern(lead: "I need help from ", namesRecipient: true, middle: " with ", ending: .topic)
        case "InformComplete": Pattern(lead: "I should tell ", namesRecipient: true, middle: " that work is complete", ending: .about)
        case "InformProgress": Pattern(lead: "I should tell ", namesRecipient: true, middle: " about progress", ending: .about)
        case "InformStatus": Pattern(lead: "I should give ", namesRecipient: true, middle: " a status update", ending: .about)
        case "InformBlocked": Pattern(lead: "I should tell ", namesRecipient: true, middle: " that I am blocked", ending: .about)
        case "ProposePlan": Pattern(lead: "I want to propose a plan to ", namesRecipient: true, middle: "", ending: .about)
        case "ProposeChange": Pattern(lead: "I want to propose a change to ", namesRecipient: true, middle: "", ending: .about)
        case "ProposeAlternative":
            Pattern(lead: "I want to propose an alternative approach to ", namesRecipient: true, middle: "", ending: .about)
        case "EvalApprove": Pattern(lead: "I am approving the work", namesRecipient: false, middle: "", ending: .about)
        case "EvalNeedsWork": Pattern(lead: "The work needs revision", namesRecipient: false, middle: "", ending: .about)
        case "EvalReject": Pattern(lead: "The work does not pass evaluation", namesRecipient: false, middle: "", ending: .about)
        case "Accept": Pattern(lead: "I accept the proposal", namesRecipient: false, middle: "", ending: .about)
        case "Reject": Pattern(lead: "I reject the proposal", namesRecipient: false, middle: "", ending: .about)
        case "MetaAck": Pattern(lead: "I acknowledge the message from ", namesRecipient: true, middle: "", ending: .none)
        case "MetaHandoff": Pattern(lead: "I am handing off responsibility to ", namesRecipient: true, middle: "", ending: .about)
        case "Fallback":
            Pattern(
                lead: "This does not map onto a UCR anchor with enough confidence; sending it as natural language",
                namesRecipient: false, middle: "", ending: .none)
        default: nil
        }
    }

    /// At most this many terms name the topic.
    static let topicTerms = 3

    /// The thought for `anchor` addressed to `dst` about `terms`.
    public func thought(anchor: UCRAnchor, dst: String, terms: [String]) -> String {
        let topicTerms = terms.prefix(Self.topicTerms)
        guard topicTerms.allSatisfy(ASCIIText.isASCII) else {
            return thoughtFromCharacters(anchor: anchor, dst: dst, terms: terms)
        }
        // One string, sized first: the topic is "the " + terms joined by ", " with `_` read as a space.
        var topicLength = 4
        for term in topicTerms { topicLength += term.utf8.count }
        topicLength += 2 * max(0, topicTerms.count - 1)
        let pattern = Self.pattern(anchor.mnemonic)
        var length = 0
        if let pattern {
            length = pattern.lead.utf8CodeUnitCount + pattern.middle.utf8CodeUnitCount
            if pattern.namesRecipient { length += dst.utf8.count }
            switch pattern.ending {
            case .topic: length += terms.isEmpty ? 4 : topicLength
            case .about: length += terms.isEmpty ? 0 : 4 + topicLength
            case .none: break
            }
        } else {
            length = anchor.canonical.utf8.count + (terms.isEmpty ? 0 : 4 + topicLength)
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            func put(_ text: StaticString) {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[i..<i + text.utf8CodeUnitCount])
                    .update(fromContentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
                i += text.utf8CodeUnitCount
            }
            func put(_ text: String, underscoresAsSpaces: Bool = false) {
                var text = text
                text.withUTF8 { bytes in
                    for byte in bytes {
                        buffer[i] = underscoresAsSpaces && byte == 0x5F ? 0x20 : byte
                        i += 1
                    }
                }
            }
            func putTopic() {
                guard !terms.isEmpty else { return put("this") }
                put("the ")
                for (k, term) in topicTerms.enumerated() {
                    if k > 0 { put(", ") }
                    put(term, underscoresAsSpaces: true)
                }
            }
            if let pattern {
                put(pattern.lead)
                if pattern.namesRecipient { put(dst) }
                put(pattern.middle)
                switch pattern.ending {
                case .topic: putTopic()
                case .about where !terms.isEmpty:
                    put(" on ")
                    putTopic()
                case .about, .none: break
                }
            } else {
                put(anchor.canonical)
                if !terms.isEmpty {
                    put(" on ")
                    putTopic()
                }
            }
            return i
        }
    }

    /// ``thought(anchor:dst:terms:)`` on `Character`s (terms that are not all ASCII), from the same patterns.
    func thoughtFromCharacters(anchor: UCRAnchor, dst: String, terms: [String]) -> String {
        let topic = terms.isEmpty ? "this" : "the " + terms.prefix(Self.topicTerms).map { $0.replacingUnderscores }.joined(separator: ", ")
        let about = terms.isEmpty ? "" : " on " + topic
        guard let pattern = Self.pattern(anchor.mnemonic) else { return "\(anchor.canonical)\(about)" }
        let recipient = pattern.namesRecipient ? dst : ""
        let ending =
            switch pattern.ending {
            case .topic: topic
            case .about: about
            case .none: ""
            }
        return "\(pattern.lead)\(recipient)\(pattern.middle)\(ending)"
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
