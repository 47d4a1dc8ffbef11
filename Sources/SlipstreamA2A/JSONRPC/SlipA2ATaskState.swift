/// A task's state as A2A 1.0 writes it (`TASK_STATE_COMPLETED`); a state this type does not name is kept as it
/// came.
public struct SlipA2ATaskState: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let submitted = Self(rawValue: "TASK_STATE_SUBMITTED")
    public static let working = Self(rawValue: "TASK_STATE_WORKING")
    public static let completed = Self(rawValue: "TASK_STATE_COMPLETED")
    public static let failed = Self(rawValue: "TASK_STATE_FAILED")
    public static let canceled = Self(rawValue: "TASK_STATE_CANCELED")
    public static let inputRequired = Self(rawValue: "TASK_STATE_INPUT_REQUIRED")
    public static let rejected = Self(rawValue: "TASK_STATE_REJECTED")
    public static let authRequired = Self(rawValue: "TASK_STATE_AUTH_REQUIRED")

    /// Completed, failed, canceled or rejected: the task will not change again.
    public var isTerminal: Bool { [.completed, .failed, .canceled, .rejected].contains(self) }

    /// Input or authentication required: the task waits for the client.
    public var isInterrupted: Bool { self == .inputRequired || self == .authRequired }
}
