import SlipstreamCore

/// A one-line JSON summary of an answer, as `slipstream a2a read-response --json` prints it.
extension SlipA2ASendMessageResponse {
    /// `{"id":1,"kind":"message","messageId":…,"role":"agent","wire":…}` for a message;
    /// `{"id":1,"kind":"task","taskId":…,"contextId":…,"state":…,"status":WIRE|null,"history":[WIRE…],
    /// "artifacts":[{"artifactId":…,"name":…,"wire":…}…]}` for a task.
    public var summaryJSON: JSONValue {
        switch result {
        case .message(let message):
            return .object([
                ("id", id.json), ("kind", .string("message")), ("messageId", .string(message.messageId)), ("role", .string(message.role)),
                ("wire", .string(message.wire.wire)),
            ])
        case .task(let task):
            return .object([
                ("id", id.json), ("kind", .string("task")), ("taskId", .string(task.id)), ("contextId", .string(task.contextId)),
                ("state", .string(task.state.rawValue)), ("status", .string(task.statusMessage?.wire.wire)),
                ("history", .array(task.history.map { .string($0.wire.wire) })),
                (
                    "artifacts",
                    .array(
                        task.artifacts.map {
                            .object([
                                ("artifactId", .string($0.artifactId)), ("name", .string($0.name)), ("wire", .string($0.wire.wire)),
                            ])
                        })
                ),
            ])
        }
    }
}
