import Foundation

/// A plant's lifetime economics against a baseline (diesel-only): NPC savings, the internal rate of
/// return of the extra investment and its discounted payback.
///
/// Incremental cash flow of year y: Δ_y = baseline total_y − plant total_y (year 0 negative when the
/// plant costs more up front). IRR is the rate r with Σ Δ_y (1 + r)^−y = 0, found by bisection on
/// [−99 %, 1000 %] where Δ changes sign once (otherwise undefined); discounted payback is the first
/// time the cumulative discounted Δ turns non-negative, interpolated linearly within the year
/// (Brealey, Myers & Allen, Principles of Corporate Finance, ch. 5).
public struct EconomicComparison: Sendable, Equatable {
    /// NPC of the baseline less NPC of the plant (positive: the plant is cheaper over its life).
    public var npcSavings: Double
    /// Year-1 operating savings (baseline year-1 total less the plant's).
    public var firstYearSavings: Double
    /// Internal rate of return of the incremental cash flows, or `nil` when undefined.
    public var irr: Double?
    /// Discounted payback, years, or `nil` when the plant never pays back within the horizon.
    public var discountedPaybackYears: Double?
    /// Simple (undiscounted) payback, years, or `nil`.
    public var simplePaybackYears: Double?

    /// Compares `plant` with `baseline` (same horizon and discount rate).
    public init(plant: LifetimeEconomics, baseline: LifetimeEconomics) {
        let deltas = zip(baseline.cashFlows, plant.cashFlows).map { $0.total - $1.total }
        let discountedDeltas = zip(baseline.cashFlows, plant.cashFlows).map { $0.discounted - $1.discounted }
        npcSavings = baseline.npc - plant.npc
        firstYearSavings = deltas.count > 1 ? deltas[1] : 0
        irr = Self.internalRateOfReturn(deltas)
        discountedPaybackYears = Self.payback(discountedDeltas)
        simplePaybackYears = Self.payback(deltas)
    }

    /// The year (fractional) at which the running sum of `flows` first becomes non-negative after
    /// an investment; 0 when nothing was invested.
    static func payback(_ flows: [Double]) -> Double? {
        var cumulative = 0.0
        for (year, flow) in flows.enumerated() {
            let before = cumulative
            cumulative += flow
            guard cumulative >= 0 else { continue }
            guard year > 0, before < 0 else { return year == 0 ? 0 : Double(year) }
            return Double(year - 1) + (-before / flow)
        }
        return nil
    }

    /// The rate that zeroes the net present value of `flows` (index = year), by bisection.
    static func internalRateOfReturn(_ flows: [Double]) -> Double? {
        let signChanges = zip(flows, flows.dropFirst()).filter { $0 != 0 && $1 != 0 && ($0 < 0) != ($1 < 0) }.count
        let nonZero = flows.filter { $0 != 0 }
        guard let first = nonZero.first, let last = nonZero.last, (first < 0) != (last < 0), signChanges >= 1 else { return nil }
        func presentValue(_ rate: Double) -> Double {
            flows.enumerated().reduce(0) { $0 + $1.element / pow(1 + rate, Double($1.offset)) }
        }
        var low = -0.99, high = 10.0
        let lowValue = presentValue(low), highValue = presentValue(high)
        guard (lowValue < 0) != (highValue < 0) else { return nil }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if (presentValue(mid) < 0) == (lowValue < 0) { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
