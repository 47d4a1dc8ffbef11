import ArgumentParser
import Foundation
import SlipstreamDatasets
import SlipstreamLLM
import SlipstreamQuantizers

/// `slipstream eval`: measures an engine on a TQT JSONL file.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a quantizer on a TQT JSONL file: accuracy, macro-F1, confusion, dimensions, latency.",
        discussion: """
            --folds K cross-validates the local engine on the file itself (train on K-1 folds, quantize the
            rest); fold models use the loaded model's temperature and Fallback threshold.
            """)

    @Option(help: "TQT JSONL file (ShareGPT conversations).")
    var dataset: String

    @OptionGroup var engineOptions: EngineOptions

    @Flag(help: "Print one JSON object instead of the text summary.")
    var json = false

    @Option(help: "Also write an HTML report (confusion heat map) to this file.")
    var html: String?

    @Option(help: "Cross-validate the local engine with this many folds instead of evaluating the model as is.")
    var folds: Int?

    @Option(help: "Seed of the fold assignment (with --folds).")
    var seed = TrainingConfiguration().seed

    func validate() throws {
        if let folds {
            guard folds >= 2 else { throw ValidationError("--folds is \(folds); expected 2 or more") }
            guard engineOptions.engine == "local" else { throw ValidationError("--folds needs --engine local") }
        }
    }

    func run() async throws {
        let data = try TQTDataset(contentsOf: dataset)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil)
        let report: EvaluationReport
        var llmLog: LLMResultLog?  // the llm engine's repair/retry/fallback counts
        if let folds {
            let base = try engineOptions.makeQuantizer()
            let model = (base as? LocalQuantizer)?.model
            var config = model?.metadata.training ?? TrainingConfiguration()
            config.seed = seed
            let cv = CrossValidation(
                folds: folds, trainer: LocalTrainer(configuration: config), temperature: model?.metadata.temperature ?? 1,
                threshold: engineOptions.threshold ?? model?.metadata.threshold ?? 0)
            report = try await cv.evaluate(data.examples, dataset: dataset) { done, total in bar.update(done, total, unit: "folds") }
        } else {
            let quantizer = try engineOptions.makeQuantizer()
            let llm = quantizer as? LLMQuantizer
            llmLog = llm?.log
            // Server-backed engines get rows in flight at once; local engines are faster one by one.
            let concurrency = llm?.configuration.concurrency ?? 1
            report = try await Evaluator().evaluate(data.examples, with: quantizer, dataset: dataset, concurrency: concurrency) {
                done, total in bar.update(done, total, unit: "rows")
            }
        }
        bar.finish()
        if let html {
            try report.html().write(toFile: html, atomically: true, encoding: .utf8)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(summary(report))
        }
        if let llmLog {
            let lines = llmLog.summary.lines.joined(separator: "\n") + "\n"
            if json { FileHandle.standardError.write(Data(lines.utf8)) } else { print("\n" + lines, terminator: "") }
        }
    }

    private func summary(_ r: EvaluationReport) -> String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        var lines = [
            "engine \(r.engine) on \(r.dataset): \(r.rows) rows" + (r.folds.map { ", \($0)-fold cross-validation" } ?? ""),
            "accuracy \(f(r.accuracy))   macro-F1 \(f(r.macroF1))",
            "dimensions (\(r.dimensions.rows) rows): ACTION \(f(r.dimensions.action))  DOMAIN \(f(r.dimensions.domain))  "
                + "URGENCY \(f(r.dimensions.urgency))  POLARITY \(f(r.dimensions.polarity))",
            "Fallback: precision \(f(r.fallback.precision)) recall \(f(r.fallback.recall)) "
                + "(expected \(r.fallback.expected), predicted \(r.fallback.predicted))",
            "strict-valid wires \(f(r.wireValidity))",
            "dst agreement \(f(r.dst.agreement)); when named in the text \(f(r.dst.agreementWhenNamed)) of \(r.dst.namedInText)",
            "payload word F1 \(f(r.payload.wordF1)) over \(r.payload.rows) rows",
            String(format: "latency p50 %.1f µs, p99 %.1f µs", r.latency.p50Micros, r.latency.p99Micros),
            "",
            "anchor                 precision  recall      F1  support",
        ]
        for s in r.perAnchor {
            lines.append(
                s.anchor.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(format: "  %8.3f %7.3f %7.3f %8d", s.precision, s.recall, s.f1, s.support))
        }
        return lines.joined(separator: "\n")
    }
}

/// A one-line progress bar on stderr (only on a terminal).
final class ProgressBar: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int, unit: String) {
        guard enabled, total > 0, done == total || done % max(1, total / 100) == 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(unit)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
