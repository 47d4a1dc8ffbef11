import SlipstreamCore

extension GeneratorTemplate {
    private static let features = ["authentication", "caching", "logging", "API", "database", "search", "billing"]
    private static let modules = ["auth", "payment", "user", "api", "core", "session"]
    private static let goals = ["migration", "refactor", "optimization", "scaling", "rollout"]
    private static let tasks = ["auth", "api", "database", "caching", "tests", "deployment"]
    private static let blockers = ["credentials", "review", "dependencies", "resources"]

    /// The templates of slipcore 3.1.1's `finetune.py` (request, inform, eval, propose, meta, fallback), with
    /// the same intents, slots and payloads.
    static let catalog: [GeneratorTemplate] = {
        let requestTo = ["bob", "alice", "reviewer", "planner", "executor", "team"]
        let informTo = ["manager", "team", "coordinator", "lead"]
        let evalTo = ["developer", "author", "submitter", "engineer"]
        let proposeTo = ["team", "lead", "architect", "manager"]
        let metaTo = ["alice", "bob", "team", "manager", "coordinator"]
        let opsTo = ["ops", "sre", "devops", "backend"]
        func t(
            _ instruction: String, _ thought: String, _ force: Force, _ object: String, _ payload: String = "",
            to: [String], fallback: Bool = false
        ) -> GeneratorTemplate {
            GeneratorTemplate(
                instruction: instruction, thought: thought, force: force, object: object, payload: payload,
                slots: ["dst": to, "feature": features, "module": modules, "goal": goals, "task": tasks, "blocker": blockers],
                isFallback: fallback)
        }
        return [
            t(
                "Tell {dst} to implement the {feature} feature", "I need {dst} to work on implementing {feature}", .request, "Task",
                "{feature}", to: requestTo),
            t(
                "Ask {dst} to review the {module} code", "I need feedback on the {module} implementation", .request, "Review", "{module}",
                to: requestTo),
            t(
                "Get assistance from {dst} on debugging", "I need {dst}'s help to debug this issue", .request, "Help", "debugging",
                to: requestTo),
            t("Ask {dst} to create a plan for {goal}", "We need a strategy for {goal}", .request, "Plan", "{goal}", to: requestTo),
            t("Ask {dst} to cancel the deployment", "We need to stop the deployment", .request, "Cancel", "deployment", to: requestTo),
            t("Request priority escalation from {dst}", "This needs to be prioritized", .request, "Priority", "escalation", to: requestTo),
            t(
                "Ask {dst} to allocate resources for {feature}", "We need more resources for {feature}", .request, "Resource", "{feature}",
                to: requestTo),
            t("Tell {dst} that the {task} is done", "I finished working on {task}", .inform, "Complete", "{task}", to: informTo),
            t("Update {dst} on the {task} progress", "I'm making progress on {task}", .inform, "Progress", "{task}", to: informTo),
            t(
                "Tell {dst} you're blocked on {blocker}", "I can't proceed because of {blocker}", .inform, "Blocked", "{blocker}",
                to: informTo),
            t("Give {dst} a status update on {task}", "Here's where things stand with {task}", .inform, "Status", "{task}", to: informTo),
            t("Share results with {dst}", "Here are the computed results", .inform, "Result", to: informTo),
            t("Approve {dst}'s proposal", "The proposal looks good, approving it", .eval, "Approve", to: evalTo),
            t("Tell {dst} their code needs changes", "There are some issues that need fixing", .eval, "NeedsWork", to: evalTo),
            t("Mark the review as complete for {dst}", "The evaluation is done", .eval, "Complete", to: evalTo),
            t("Suggest a plan to {dst} for {goal}", "I have an idea for how to handle {goal}", .propose, "Plan", "{goal}", to: proposeTo),
            t("Suggest a change to {dst}", "I think we should modify the approach", .propose, "Change", to: proposeTo),
            t("Offer {dst} an alternative approach", "There's another way we could do this", .propose, "Alternative", to: proposeTo),
            t("Accept {dst}'s request", "Yes, I agree", .accept, "Generic", to: metaTo),
            t("Reject {dst}'s request", "I can't do this", .reject, "Generic", to: metaTo),
            t("Acknowledge {dst}'s message", "Got it, understood", .meta, "Ack", to: metaTo),
            t("Hand off to {dst}", "Passing this over to you", .meta, "Handoff", to: metaTo),
            t("Sync with {dst}", "Checking in", .meta, "Sync", to: metaTo),
            t(
                "Tell {dst} to check kubernetes pods for OOMKilled events", "This is too specific for standard anchors", .fallback,
                "Generic", to: opsTo, fallback: true),
            t(
                "Ask {dst} about the Redis cluster replication lag", "Specific database metrics query", .fallback, "Generic", to: opsTo,
                fallback: true),
            t(
                "Tell {dst} the nginx ingress is returning 502s", "Specific infrastructure error report", .fallback, "Generic", to: opsTo,
                fallback: true),
        ]
    }()
}
