/// The mapping between v1 mnemonics (`RequestReview`) and v3 Force/Object pairs (`Request Review`),
/// exactly slipcore 3.1.1's `V2_TO_V3` table.
public enum MnemonicTable {
    /// v1 mnemonic → (Force, Object), in slipcore's order.
    public static let v1ToV3: [(mnemonic: String, force: Force, object: String)] = [
        ("ObserveState", .observe, "State"), ("ObserveChange", .observe, "Change"), ("ObserveError", .observe, "Error"),
        ("InformResult", .inform, "Result"), ("InformStatus", .inform, "Status"), ("InformComplete", .inform, "Complete"),
        ("InformBlocked", .inform, "Blocked"), ("InformProgress", .inform, "Progress"),
        ("AskClarify", .ask, "Clarify"), ("AskStatus", .ask, "Status"), ("AskPermission", .ask, "Permission"),
        ("AskResource", .ask, "Resource"),
        ("RequestTask", .request, "Task"), ("RequestPlan", .request, "Plan"), ("RequestReview", .request, "Review"),
        ("RequestHelp", .request, "Help"), ("RequestCancel", .request, "Cancel"), ("RequestPriority", .request, "Priority"),
        ("RequestResource", .request, "Resource"),
        ("ProposePlan", .propose, "Plan"), ("ProposeChange", .propose, "Change"),
        ("ProposeAlternative", .propose, "Alternative"), ("ProposeRollback", .propose, "Rollback"),
        ("CommitTask", .commit, "Task"), ("CommitDeadline", .commit, "Deadline"), ("CommitResource", .commit, "Resource"),
        ("EvalApprove", .eval, "Approve"), ("EvalNeedsWork", .eval, "NeedsWork"),
        ("MetaAck", .meta, "Ack"), ("MetaSync", .meta, "Sync"), ("MetaHandoff", .meta, "Handoff"),
        ("MetaEscalate", .meta, "Escalate"), ("MetaAbort", .meta, "Abort"),
        ("Accept", .accept, "Generic"), ("Reject", .reject, "Generic"), ("AcceptWithCondition", .accept, "Condition"),
        ("Defer", .meta, "Defer"),
        ("ErrorGeneric", .error, "Generic"), ("ErrorTimeout", .error, "Timeout"), ("ErrorResource", .error, "Resource"),
        ("ErrorPermission", .error, "Permission"), ("ErrorValidation", .error, "Validation"),
        ("Fallback", .fallback, "Generic"),
        ("EvalReject", .eval, "Review"), ("EvalComplete", .eval, "Complete"), ("EvalBlocked", .eval, "Blocked"),
    ]

    private static let forward: [String: (force: Force, object: String)] = Dictionary(
        uniqueKeysWithValues: v1ToV3.map { ($0.mnemonic, ($0.force, $0.object)) }
    )
    private static let backward: [String: String] = Dictionary(
        v1ToV3.map { ("\($0.force.rawValue) \($0.object)", $0.mnemonic) }, uniquingKeysWith: { first, _ in first }
    )

    /// The Force/Object pair of a v1 mnemonic; for mnemonics outside the table, the leading Force word and
    /// the rest (or `Generic`), e.g. `ObserveDisk` → (Observe, Disk).
    public static func forceObject(forV1 mnemonic: String) -> (force: Force, object: String)? {
        if let pair = forward[mnemonic] { return pair }
        for force in Force.allCases where mnemonic.hasPrefix(force.rawValue) {
            let rest = mnemonic.dropFirst(force.rawValue.count)
            if rest.isEmpty { return (force, "Generic") }
            if rest.first!.isUppercase { return (force, String(rest)) }
        }
        return nil
    }

    /// The v1 mnemonic of a v3 Force/Object pair: the table's entry, else Force+Object
    /// (`Generic` objects drop to the bare Force).
    public static func v1Mnemonic(force: Force, object: String) -> String {
        if let mnemonic = backward["\(force.rawValue) \(object)"] { return mnemonic }
        return object == "Generic" ? force.rawValue : force.rawValue + object
    }
}
