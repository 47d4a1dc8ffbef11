/// The totals of a ``DatasetChecker`` run.
public struct DatasetCheckSummary: Sendable, Hashable {
    /// Lines read, blank ones included.
    public var lines = 0
    /// Non-blank lines.
    public var rows = 0
    /// Rows with at least one error.
    public var rowsWithErrors = 0
    /// Rows with warnings and no error.
    public var rowsWithOnlyWarnings = 0
    public var errors = 0
    public var warnings = 0
    /// How many problems of each code, per severity.
    public var counts: [DatasetProblem.Severity: [DatasetProblem.Code: Int]] = [:]

    public init() {}

    /// Whether the file has no error (warnings allowed).
    public var passed: Bool { errors == 0 }

    /// Rows without any problem.
    public var cleanRows: Int { rows - rowsWithErrors - rowsWithOnlyWarnings }

    /// Counts the problems of one line.
    mutating func add(_ problems: [DatasetProblem], isRow: Bool) {
        lines += 1
        if isRow { rows += 1 }
        var hasError = false
        for problem in problems {
            counts[problem.severity, default: [:]][problem.code, default: 0] += 1
            switch problem.severity {
            case .error:
                errors += 1
                hasError = true
            case .warning: warnings += 1
            }
        }
        guard isRow, !problems.isEmpty else { return }
        if hasError { rowsWithErrors += 1 } else { rowsWithOnlyWarnings += 1 }
    }
}
