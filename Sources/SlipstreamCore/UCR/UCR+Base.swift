/// The base codebooks, built into the library (the JSON files in ../shared/reference are only for checking).
extension UCR {
    /// The v1 codebook: the 46 anchors of slipcore 2.x's `create_base_ucr` (the model card's anchors among
    /// them), with Force/Object from slipcore's `V2_TO_V3` table.
    public static let v1: UCR = base(
        format: .v1, authority: Authority(ucrVersion: "1.0.0"),
        rows: [
            (0x0001, "ObserveState", "Report current system or environment state", Coordinates(0, 4, 2, 3)),
            (0x0002, "ObserveChange", "Report a detected change", Coordinates(0, 4, 2, 4)),
            (0x0003, "ObserveError", "Report an observed error condition", Coordinates(0, 2, 6, 6)),
            (0x0010, "InformResult", "Share a computed or derived result", Coordinates(1, 5, 2, 3)),
            (0x0011, "InformStatus", "Provide status update", Coordinates(1, 4, 0, 3)),
            (0x0012, "InformComplete", "Report task completion", Coordinates(1, 6, 0, 4)),
            (0x0013, "InformBlocked", "Report being blocked on something", Coordinates(1, 2, 0, 5)),
            (0x0014, "InformProgress", "Share progress update", Coordinates(1, 5, 0, 3)),
            (0x0020, "AskClarify", "Request clarification on requirements", Coordinates(2, 4, 1, 4)),
            (0x0021, "AskStatus", "Query current status", Coordinates(2, 4, 0, 3)),
            (0x0022, "AskPermission", "Request permission to proceed", Coordinates(2, 4, 4, 4)),
            (0x0023, "AskResource", "Query resource availability", Coordinates(2, 4, 5, 3)),
            (0x0030, "RequestTask", "Request execution of a task", Coordinates(3, 4, 0, 4)),
            (0x0031, "RequestPlan", "Request creation of a plan", Coordinates(3, 4, 1, 4)),
            (0x0032, "RequestReview", "Request review of work", Coordinates(3, 4, 3, 3)),
            (0x0033, "RequestHelp", "Request assistance", Coordinates(3, 4, 7, 5)),
            (0x0034, "RequestCancel", "Request cancellation", Coordinates(3, 1, 4, 5)),
            (0x0035, "RequestPriority", "Request priority change", Coordinates(3, 4, 4, 5)),
            (0x0036, "RequestResource", "Request allocation of resource", Coordinates(3, 4, 5, 4)),
            (0x0040, "ProposePlan", "Propose a plan for consideration", Coordinates(4, 5, 1, 4)),
            (0x0041, "ProposeChange", "Propose a modification", Coordinates(4, 5, 0, 4)),
            (0x0042, "ProposeAlternative", "Propose an alternative approach", Coordinates(4, 5, 1, 4)),
            (0x0043, "ProposeRollback", "Propose reverting changes", Coordinates(4, 3, 4, 5)),
            (0x0050, "CommitTask", "Commit to performing a task", Coordinates(5, 6, 0, 4)),
            (0x0051, "CommitDeadline", "Commit to a deadline", Coordinates(5, 6, 0, 4)),
            (0x0052, "CommitResource", "Commit resources", Coordinates(5, 6, 5, 4)),
            (0x0060, "EvalApprove", "Evaluation: approved/positive", Coordinates(6, 7, 3, 4)),
            (0x0061, "EvalReject", "Evaluation: rejected/negative", Coordinates(6, 0, 3, 4)),
            (0x0062, "EvalNeedsWork", "Evaluation: needs revision", Coordinates(6, 3, 3, 4)),
            (0x0063, "EvalComplete", "Evaluation: work is complete", Coordinates(6, 6, 3, 4)),
            (0x0064, "EvalBlocked", "Evaluation: blocked by issue", Coordinates(6, 2, 3, 5)),
            (0x0070, "MetaAck", "Acknowledge receipt", Coordinates(7, 5, 4, 2)),
            (0x0071, "MetaSync", "Synchronization ping", Coordinates(7, 4, 4, 3)),
            (0x0072, "MetaHandoff", "Hand off responsibility", Coordinates(7, 4, 4, 4)),
            (0x0073, "MetaEscalate", "Escalate to higher authority", Coordinates(7, 3, 4, 6)),
            (0x0074, "MetaAbort", "Abort current operation", Coordinates(7, 0, 4, 7)),
            (0x0080, "Accept", "Accept a proposal or request", Coordinates(5, 7, 7, 3)),
            (0x0081, "Reject", "Reject a proposal or request", Coordinates(5, 0, 7, 3)),
            (0x0082, "AcceptWithCondition", "Conditional acceptance", Coordinates(5, 5, 7, 4)),
            (0x0083, "Defer", "Defer decision", Coordinates(5, 4, 7, 2)),
            (0x0090, "ErrorGeneric", "Generic error occurred", Coordinates(1, 1, 6, 5)),
            (0x0091, "ErrorTimeout", "Operation timed out", Coordinates(1, 1, 6, 5)),
            (0x0092, "ErrorResource", "Resource unavailable", Coordinates(1, 1, 6, 5)),
            (0x0093, "ErrorPermission", "Permission denied", Coordinates(1, 0, 6, 5)),
            (0x0094, "ErrorValidation", "Validation failed", Coordinates(1, 1, 6, 4)),
            (0x00ff, "Fallback", "Unquantizable - see payload for natural language", Coordinates(7, 4, 7, 4)),
        ])

    /// The v3 codebook: slipcore 3.1.1's `create_base_ucr()` (45 Force/Object anchors,
    /// content hash `357cdafecd65be46`).
    public static let v3: UCR = base(
        format: .v3, authority: Authority(authorityID: "slipcore-default", ucrVersion: "3.0.0"),
        rows: [
            (0x0001, "Observe State", "Report current state", Coordinates(0, 4, 2, 3)),
            (0x0002, "Observe Change", "Report detected change", Coordinates(0, 4, 2, 4)),
            (0x0003, "Observe Error", "Report observed error", Coordinates(0, 2, 6, 6)),
            (0x0010, "Inform Result", "Share computed result", Coordinates(1, 5, 2, 3)),
            (0x0011, "Inform Status", "Provide status update", Coordinates(1, 4, 0, 3)),
            (0x0012, "Inform Complete", "Report task completion", Coordinates(1, 6, 0, 4)),
            (0x0013, "Inform Blocked", "Report being blocked", Coordinates(1, 2, 0, 5)),
            (0x0014, "Inform Progress", "Share progress update", Coordinates(1, 5, 0, 3)),
            (0x0020, "Ask Clarify", "Request clarification", Coordinates(2, 4, 1, 4)),
            (0x0021, "Ask Status", "Query current status", Coordinates(2, 4, 0, 3)),
            (0x0022, "Ask Permission", "Request permission", Coordinates(2, 4, 4, 4)),
            (0x0023, "Ask Resource", "Query resource availability", Coordinates(2, 4, 5, 3)),
            (0x0030, "Request Task", "Request task execution", Coordinates(3, 4, 0, 4)),
            (0x0031, "Request Plan", "Request plan creation", Coordinates(3, 4, 1, 4)),
            (0x0032, "Request Review", "Request work review", Coordinates(3, 4, 3, 3)),
            (0x0033, "Request Help", "Request assistance", Coordinates(3, 4, 7, 5)),
            (0x0034, "Request Cancel", "Request cancellation", Coordinates(3, 1, 4, 5)),
            (0x0035, "Request Priority", "Request priority change", Coordinates(3, 4, 4, 5)),
            (0x0036, "Request Resource", "Request resource allocation", Coordinates(3, 4, 5, 4)),
            (0x0040, "Propose Plan", "Propose a plan", Coordinates(4, 5, 1, 4)),
            (0x0041, "Propose Change", "Propose modification", Coordinates(4, 5, 0, 4)),
            (0x0042, "Propose Alternative", "Propose alternative", Coordinates(4, 5, 1, 4)),
            (0x0043, "Propose Rollback", "Propose reverting", Coordinates(4, 3, 4, 5)),
            (0x0050, "Commit Task", "Commit to task", Coordinates(5, 6, 0, 4)),
            (0x0051, "Commit Deadline", "Commit to deadline", Coordinates(5, 6, 0, 4)),
            (0x0052, "Commit Resource", "Commit resources", Coordinates(5, 6, 5, 4)),
            (0x0060, "Eval Approve", "Evaluation: approved", Coordinates(6, 7, 3, 4)),
            (0x0061, "Eval Review", "Evaluation: under review", Coordinates(6, 4, 3, 4)),
            (0x0062, "Eval NeedsWork", "Evaluation: needs revision", Coordinates(6, 3, 3, 4)),
            (0x0063, "Eval Complete", "Evaluation: work complete", Coordinates(6, 6, 3, 4)),
            (0x0070, "Meta Ack", "Acknowledge receipt", Coordinates(7, 5, 4, 2)),
            (0x0071, "Meta Sync", "Synchronization ping", Coordinates(7, 4, 4, 3)),
            (0x0072, "Meta Handoff", "Hand off responsibility", Coordinates(7, 4, 4, 4)),
            (0x0073, "Meta Escalate", "Escalate to authority", Coordinates(7, 3, 4, 6)),
            (0x0074, "Meta Abort", "Abort operation", Coordinates(7, 0, 4, 7)),
            (0x0080, "Accept Generic", "Accept proposal/request", Coordinates(5, 7, 7, 3)),
            (0x0081, "Reject Generic", "Reject proposal/request", Coordinates(5, 0, 7, 3)),
            (0x0082, "Accept Condition", "Conditional acceptance", Coordinates(5, 5, 7, 4)),
            (0x0083, "Meta Defer", "Defer decision", Coordinates(5, 4, 7, 2)),
            (0x0090, "Error Generic", "Generic error", Coordinates(1, 1, 6, 5)),
            (0x0091, "Error Timeout", "Operation timed out", Coordinates(1, 1, 6, 5)),
            (0x0092, "Error Resource", "Resource unavailable", Coordinates(1, 1, 6, 5)),
            (0x0093, "Error Permission", "Permission denied", Coordinates(1, 0, 6, 5)),
            (0x0094, "Error Validation", "Validation failed", Coordinates(1, 1, 6, 4)),
            (0x00ff, "Fallback Generic", "Unquantizable - see ref", Coordinates(7, 4, 7, 4)),
        ])

    /// Builds a base codebook. `name` is a v1 mnemonic (v1) or `Force Object` (v3).
    private static func base(
        format: Format, authority: Authority, rows: [(Int, String, String, Coordinates)]
    ) -> UCR {
        let anchors = rows.map { index, name, canonical, coords -> UCRAnchor in
            switch format {
            case .v1:
                let pair = MnemonicTable.forceObject(forV1: name)!
                return UCRAnchor(
                    index: index, mnemonic: name, force: pair.force, object: pair.object, canonical: canonical,
                    coords: coords)
            case .v3:
                let parts = name.split(separator: " ")
                return UCRAnchor(
                    index: index, force: Force(rawValue: String(parts[0]))!, object: String(parts[1]),
                    canonical: canonical, coords: coords)
            }
        }
        // The tables above are constants checked by the test suite, so this cannot fail.
        var ucr = try! UCR(format: format, authority: authority, anchors: anchors)
        ucr.authority.ucrHash = ucr.contentHash()
        return ucr
    }
}
