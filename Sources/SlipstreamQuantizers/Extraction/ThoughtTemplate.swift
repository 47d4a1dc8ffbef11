import SlipstreamCore

/// Writes the THOUGHT line from the anchor, the recipient and the payload terms. It is a template, not
/// generated reasoning: `RequestReview` + `bob` + `auth_module` → "I need bob to review the auth module".
public struct ThoughtTemplate: Sendable, Hashable {
    public init() {}

    /// The thought for `anchor` addressed to `dst` about `terms`.
    public func thought(anchor: UCRAnchor, dst: String, terms: [String]) -> String {
        let topic = terms.isEmpty ? "this" : "the " + terms.prefix(3).map { $0.replacingUnderscores }.joined(separator: ", ")
        let about = terms.isEmpty ? "" : " on " + topic
        switch anchor.mnemonic {
        case "RequestTask": return "I need \(dst) to carry out a task: \(topic)"
        case "RequestPlan": return "I need \(dst) to draw up a plan for \(topic)"
        case "RequestReview": return "I need \(dst) to review \(topic)"
        case "RequestHelp": return "I need help from \(dst) with \(topic)"
        case "InformComplete": return "I should tell \(dst) that work is complete\(about)"
        case "InformProgress": return "I should tell \(dst) about progress\(about)"
        case "InformStatus": return "I should give \(dst) a status update\(about)"
        case "InformBlocked": return "I should tell \(dst) that I am blocked\(about)"
        case "ProposePlan": return "I want to propose a plan to \(dst)\(about)"
        case "ProposeChange": return "I want to propose a change to \(dst)\(about)"
        case "ProposeAlternative": return "I want to propose an alternative approach to \(dst)\(about)"
        case "EvalApprove": return "I am approving the work\(about)"
        case "EvalNeedsWork": return "The work needs revision\(about)"
        case "EvalReject": return "The work does not pass evaluation\(about)"
        case "Accept": return "I accept the proposal\(about)"
        case "Reject": return "I reject the proposal\(about)"
        case "MetaAck": return "I acknowledge the message from \(dst)"
        case "MetaHandoff": return "I am handing off responsibility to \(dst)\(about)"
        case "Fallback": return "This does not map onto a UCR anchor with enough confidence; sending it as natural language"
        default: return "\(anchor.canonical)\(about)"
        }
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
