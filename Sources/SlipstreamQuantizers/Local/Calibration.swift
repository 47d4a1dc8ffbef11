#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Temperature scaling and the Fallback threshold, fitted on out-of-fold logits.
public enum Calibration {
    /// Softmax of `logits / temperature`.
    public static func probabilities(_ logits: [Float], temperature: Double) -> [Double] {
        guard let top = logits.max() else { return [] }
        let exps = logits.map { exp(Double($0 - top) / temperature) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }

    /// Mean negative log-likelihood at `temperature`.
    static func nll(logits: [[Float]], truth: [Int], temperature: Double) -> Double {
        var total = 0.0
        for (row, label) in zip(logits, truth) {
            let p = probabilities(row, temperature: temperature)
            total -= log(max(p[label], 1e-12))
        }
        return total / Double(max(truth.count, 1))
    }

    /// The temperature minimizing the NLL (golden-section search on ln T in [ln 0.05, ln 20]).
    public static func fitTemperature(logits: [[Float]], truth: [Int], classes: Int) -> Double {
        var lo = log(0.05)
        var hi = log(20.0)
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = hi - ratio * (hi - lo)
        var b = lo + ratio * (hi - lo)
        var fa = nll(logits: logits, truth: truth, temperature: exp(a))
        var fb = nll(logits: logits, truth: truth, temperature: exp(b))
        for _ in 0..<60 {
            if fa < fb {
                hi = b
                b = a
                fb = fa
                a = hi - ratio * (hi - lo)
                fa = nll(logits: logits, truth: truth, temperature: exp(a))
            } else {
                lo = a
                a = b
                fa = fb
                b = lo + ratio * (hi - lo)
                fb = nll(logits: logits, truth: truth, temperature: exp(b))
            }
        }
        return exp((lo + hi) / 2)
    }

    /// The threshold (0, 0.01, …, `maxThreshold`) whose Fallback rule gives the best accuracy; ties go
    /// to the lower threshold. Returns the threshold and that accuracy.
    public static func fitThreshold(
        logits: [[Float]], truth: [Int], classes: Int, temperature: Double, fallback: Int?, maxThreshold: Double
    ) -> (threshold: Double, accuracy: Double) {
        let tops: [(index: Int, p: Double)] = logits.map { row in
            let p = probabilities(row, temperature: temperature)
            let index = p.indices.max { p[$0] < p[$1] } ?? 0
            return (index, p[index])
        }
        func accuracy(_ threshold: Double) -> Double {
            var right = 0
            for (top, label) in zip(tops, truth) {
                let chosen = (top.p < threshold ? fallback : nil) ?? top.index
                if chosen == label { right += 1 }
            }
            return Double(right) / Double(max(truth.count, 1))
        }
        var best = (threshold: 0.0, accuracy: accuracy(0))
        guard fallback != nil else { return best }
        var step = 1
        while Double(step) / 100 <= maxThreshold + 1e-9 {
            let t = Double(step) / 100
            let a = accuracy(t)
            if a > best.accuracy + 1e-12 { best = (t, a) }
            step += 1
        }
        return best
    }
}
