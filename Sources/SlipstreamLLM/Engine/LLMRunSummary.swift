/// What an evaluation reports about the `llm` engine beyond accuracy: how often the model's answer
/// needed repair, a retry, or the fallback.
///
/// ```swift
/// let summary = LLMRunSummary(results)
/// print(summary.lines.joined(separator: "\n"))
/// // llm answers: 97/100 (97.0%), repaired 4 (4.0%), retried 2 (2.0%), fell back 3 (3.0%)
/// ```
public struct LLMRunSummary: Sendable, Hashable {
    public var total: Int
    /// Answers from the model (no fallback).
    public var answeredByModel: Int
    /// Model answers that needed repair.
    public var repaired: Int
    /// Results that took more than one request.
    public var retried: Int
    /// Results from the fallback engine.
    public var fellBack: Int
    /// Fallbacks by the error code of the last failed attempt (`timeout`, `unusable_answer`, …).
    public var fallbackReasons: [String: Int]
    /// Generated tokens over all attempts, when the server reported them.
    public var completionTokens: Int

    public init(_ results: [LLMResult]) {
        total = results.count
        answeredByModel = results.filter { !$0.usedFallback }.count
        repaired = results.filter(\.repaired).count
        retried = results.filter(\.retried).count
        fellBack = results.filter(\.usedFallback).count
        var reasons: [String: Int] = [:]
        for result in results where result.usedFallback {
            let code = result.fallbackReason.map { String($0.prefix(while: { $0 != ":" })) } ?? "unknown"
            reasons[code, default: 0] += 1
        }
        fallbackReasons = reasons
        completionTokens = results.reduce(0) { $0 + $1.attempts.reduce(0) { $0 + ($1.completionTokens ?? 0) } }
    }

    /// Fraction of all results that needed repair (0 when empty).
    public var repairedFraction: Double { fraction(repaired) }
    /// Fraction of all results that fell back.
    public var fallbackFraction: Double { fraction(fellBack) }
    /// Fraction of all results that needed repair or fell back.
    public var repairedOrFallbackFraction: Double { fraction(repaired + fellBack) }

    func fraction(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }

    /// Human-readable report lines.
    public var lines: [String] {
        func percent(_ count: Int) -> String {
            let tenths = total == 0 ? 0 : (count * 1000 + total / 2) / total
            return "\(tenths / 10).\(tenths % 10)%"
        }
        var lines = [
            "llm answers: \(answeredByModel)/\(total) (\(percent(answeredByModel))), repaired \(repaired) (\(percent(repaired))), "
                + "retried \(retried) (\(percent(retried))), fell back \(fellBack) (\(percent(fellBack)))"
        ]
        if !fallbackReasons.isEmpty {
            lines.append(
                "fallback reasons: " + fallbackReasons.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        return lines
    }
}
