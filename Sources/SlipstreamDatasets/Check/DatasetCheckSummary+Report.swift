import SlipstreamCore

extension DatasetCheckSummary {
    /// `{lines, rows, cleanRows, rowsWithErrors, rowsWithOnlyWarnings, errors, warnings, counts{error{…}, warning{…}}}`.
    public var json: JSONValue {
        .object([
            ("lines", .int(lines)), ("rows", .int(rows)), ("cleanRows", .int(cleanRows)), ("rowsWithErrors", .int(rowsWithErrors)),
            ("rowsWithOnlyWarnings", .int(rowsWithOnlyWarnings)), ("errors", .int(errors)), ("warnings", .int(warnings)),
            (
                "counts",
                .object(
                    DatasetProblem.Severity.allCases.map { severity in
                        (severity.rawValue, .object(sortedCounts(severity).map { ($0.code.rawValue, .int($0.count)) }))
                    })
            ),
        ])
    }

    /// The counts of one severity, most frequent first.
    public func sortedCounts(_ severity: DatasetProblem.Severity) -> [(code: DatasetProblem.Code, count: Int)] {
        (counts[severity] ?? [:]).map { (code: $0.key, count: $0.value) }.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }

    /// The summary in words, for the end of the text output.
    public func lines(file: String) -> [String] {
        var lines = [
            "\(file): \(rows) rows: \(cleanRows) clean, \(rowsWithErrors) with errors, \(rowsWithOnlyWarnings) with warnings only; "
                + "\(errors) errors, \(warnings) warnings"
        ]
        for severity in DatasetProblem.Severity.allCases {
            let counts = sortedCounts(severity)
            if counts.isEmpty { continue }
            lines.append("  \(severity)s: " + counts.map { "\($0.code) \($0.count)" }.joined(separator: ", "))
        }
        return lines
    }
}
