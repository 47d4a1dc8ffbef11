/// slipcore 3.1.1's keyword tables (`FORCE_KEYWORDS`, `OBJECT_KEYWORDS` in `quantizer.py`), in its order.
enum KeywordRules {
    /// Stage 1: Force keywords.
    static let force: [(String, [String])] = [
        (
            "Observe",
            ["i noticed", "i see", "detected", "observed", "state is", "current state", "environment", "system state", "changed to"]
        ),
        (
            "Inform",
            [
                "result", "output", "status", "update", "progress", "complete", "finished", "done", "completed", "success", "blocked",
                "waiting", "stuck", "working on", "currently", "fyi", "heads up", "let you know",
            ]
        ),
        (
            "Ask",
            [
                "what is", "how is", "can i", "may i", "could you tell", "what do you mean", "unclear", "clarify", "explain", "is it okay",
                "permission", "allowed", "available",
            ]
        ),
        (
            "Request",
            [
                "please do", "execute", "perform", "run", "implement", "review", "check", "look at", "feedback", "help", "assist",
                "support", "cancel", "abort", "stop", "allocate", "provision", "create a plan", "plan for",
            ]
        ),
        (
            "Propose",
            [
                "propose", "suggest", "recommendation", "i think we should", "how about", "we could", "alternative", "instead", "i suggest",
                "i propose", "option",
            ]
        ),
        ("Commit", ["i will", "i'll do", "on it", "taking this", "i commit", "allocating", "providing", "assigning", "by deadline"]),
        ("Eval", ["approved", "lgtm", "looks good", "ship it", "needs work", "revise", "changes needed", "rejected", "not acceptable"]),
        (
            "Meta",
            [
                "ack", "acknowledged", "got it", "received", "understood", "sync", "ping", "heartbeat", "handoff", "transfer", "passing to",
                "your turn", "escalate", "raise", "abort", "emergency", "halt",
            ]
        ),
        ("Accept", ["yes", "accept", "agreed", "confirmed", "affirmative", "yes but", "conditional", "provided that"]),
        ("Reject", ["no", "reject", "disagree", "refuse", "decline"]),
        (
            "Error",
            [
                "error occurred", "failed", "exception", "timeout", "timed out", "resource unavailable", "permission denied", "invalid",
                "validation failed",
            ]
        ),
    ]

    /// Stage 2: Object keywords.
    static let object: [(String, [String])] = [
        ("State", ["state", "environment", "system state", "current"]),
        ("Change", ["changed", "detected", "modified", "updated"]),
        ("Error", ["error", "exception", "crash", "bug", "failed"]),
        ("Result", ["result", "output", "computed", "calculated", "returns"]),
        ("Status", ["status", "update", "progress on", "currently"]),
        ("Complete", ["complete", "finished", "done", "completed", "success"]),
        ("Blocked", ["blocked", "waiting", "stuck", "depends on", "need"]),
        ("Progress", ["progress", "working on", "making progress", "underway"]),
        ("Clarify", ["clarify", "what do you mean", "unclear", "confused", "explain"]),
        ("Permission", ["permission", "can i", "may i", "allowed", "okay to"]),
        ("Resource", ["resource", "capacity", "available", "allocate", "provision"]),
        ("Task", ["task", "execute", "perform", "run", "implement", "do"]),
        ("Plan", ["plan", "strategy", "how should we", "create a plan"]),
        ("Review", ["review", "check", "look at", "evaluate", "feedback", "pull request"]),
        ("Help", ["help", "assist", "support", "guidance", "advice"]),
        ("Cancel", ["cancel", "abort", "stop", "nevermind"]),
        ("Priority", ["priority", "urgent", "expedite"]),
        ("Alternative", ["alternative", "instead", "another approach", "option"]),
        ("Rollback", ["rollback", "revert", "undo", "go back"]),
        ("Deadline", ["deadline", "eta", "deliver by", "by when"]),
        ("Approve", ["approved", "lgtm", "looks good", "accept", "ship it"]),
        ("NeedsWork", ["needs work", "revise", "changes needed", "almost"]),
        ("Ack", ["ack", "acknowledged", "got it", "received", "understood"]),
        ("Sync", ["sync", "ping", "alive", "heartbeat"]),
        ("Handoff", ["handoff", "transfer", "passing to", "your turn"]),
        ("Escalate", ["escalate", "raise", "need manager", "above my paygrade"]),
        ("Abort", ["abort", "emergency stop", "halt", "critical failure"]),
        ("Condition", ["yes but", "if", "conditional", "provided that"]),
        ("Defer", ["later", "defer", "postpone", "not now", "revisit"]),
        ("Timeout", ["timeout", "timed out", "too slow"]),
        ("Validation", ["invalid", "validation", "bad input"]),
        ("Generic", []),
    ]
}
