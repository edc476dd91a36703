import Foundation

/// A Monte Carlo estimate: the mean over sample-years and the half-width of its 95 % confidence
/// interval, 1.96 · s / √N with s the sample standard deviation (normal approximation; Billinton &
/// Allan, *Reliability Evaluation of Power Systems*, 2nd ed., 1996, §12.3).
public struct ReliabilityEstimate: Sendable, Equatable {
    /// The mean.
    public var mean: Double
    /// Half-width of the 95 % confidence interval.
    public var ci95: Double

    /// The estimate from one value per sample-year.
    public init(_ values: [Double]) {
        let count = Double(values.count)
        mean = values.reduce(0, +) / max(count, 1)
        guard values.count > 1 else {
            ci95 = .infinity
            return
        }
        let m = mean
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (count - 1)
        ci95 = 1.96 * (variance / count).squareRoot()
    }

    /// The ratio Σ numerators / Σ denominators (a mean duration, hours per event) with its interval by
    /// the delta method: the variance of the ratio is that of the mean of `n − R·d` over `d̄²`.
    public init(ratioOf numerators: [Double], to denominators: [Double]) {
        let count = Double(numerators.count)
        let totalD = denominators.reduce(0, +)
        guard totalD > 0 else {
            mean = 0
            ci95 = 0
            return
        }
        let ratio = numerators.reduce(0, +) / totalD
        mean = ratio
        guard numerators.count > 1 else {
            ci95 = .infinity
            return
        }
        let meanD = totalD / count
        let residuals = zip(numerators, denominators).map { $0 - ratio * $1 }
        let variance = residuals.reduce(0) { $0 + $1 * $1 } / (count - 1)
        ci95 = 1.96 * (variance / count).squareRoot() / meanD
    }

    /// The coefficient of variation of the estimate, s / (mean · √N): the usual stopping rule of
    /// sequential Monte Carlo (Billinton & Allan §12.3); ∞ with a zero mean.
    public var coefficientOfVariation: Double {
        mean > 0 ? ci95 / 1.96 / mean : .infinity
    }
}
