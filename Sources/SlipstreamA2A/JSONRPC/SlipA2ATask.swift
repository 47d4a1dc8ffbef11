import SlipstreamCore

/// An A2A 1.0 `Task` an agent answered with, and the SLIP-A2A wires it carries: in its status message, its
/// history and its artifacts.
///
/// A message or artifact that is not SLIP-A2A at all (no text first part, or neither the extension nor a
/// text starting with `SLIP `) is left out of ``history``, ``statusMessage`` and ``artifacts`` (it stays in
/// ``json``); one that is SLIP-A2A but breaks a rule is refused like any message.
public struct SlipA2ATask: Sendable, Hashable {
    public var id: String
    public var contextId: String?
    public var state: SlipA2ATaskState
    /// The status message, when it is SLIP-A2A.
    public var statusMessage: SlipA2AMessage?
    /// The SLIP-A2A messages of the history, in order (the request's own message among them, as agents echo it).
    public var history: [SlipA2AMessage]
    /// The artifacts that carry a wire, in order.
    public var artifacts: [SlipA2AArtifact]
    /// The task as it came.
    public var json: JSONValue

    /// The wires the task answers with: its status message's, then its artifacts'.
    public var wires: [SlipMessage] { (statusMessage.map { [$0.wire] } ?? []) + artifacts.map(\.wire) }

    /// Reads a task at `path` (`result.task.`).
    static func read(_ json: JSONValue, path: String, ucr: UCR?, parser: WireParser) throws(SlipA2AError) -> Self {
        guard case .object = json else {
            throw SlipA2AError(.malformedResult, "the task is a \(json.kindName), not an object", field: String(path.dropLast()))
        }
        let id = try json.requiredString("id", path: path, code: .malformedResult)
        let contextId = try json.optionalString("contextId", path: path, code: .malformedResult)
        guard let status = json["status"], status != .null else {
            throw SlipA2AError(.malformedResult, "status is missing", field: path + "status")
        }
        guard case .object = status else {
            throw SlipA2AError(.malformedResult, "status is a \(status.kindName), not an object", field: path + "status")
        }
        let state = try status.requiredString("state", path: path + "status.", code: .malformedResult)
        let statusMessage = try status["message"].flatMap { message throws(SlipA2AError) in
            message == .null
                ? nil : try SlipA2AMessage.readIfSlip(message, path: path + "status.message.", ucr: ucr, parser: parser)
        }
        var history: [SlipA2AMessage] = []
        for (i, item) in (try json.optionalArray("history", path: path, code: .malformedResult) ?? []).enumerated() {
            if let message = try SlipA2AMessage.readIfSlip(item, path: "\(path)history[\(i)].", ucr: ucr, parser: parser) {
                history.append(message)
            }
        }
        var artifacts: [SlipA2AArtifact] = []
        for (i, item) in (try json.optionalArray("artifacts", path: path, code: .malformedResult) ?? []).enumerated() {
            if let artifact = try SlipA2AArtifact.readIfSlip(item, path: "\(path)artifacts[\(i)].", ucr: ucr, parser: parser) {
                artifacts.append(artifact)
            }
        }
        return SlipA2ATask(
            id: id, contextId: contextId, state: SlipA2ATaskState(rawValue: state), statusMessage: statusMessage,
            history: history, artifacts: artifacts, json: json)
    }
}
