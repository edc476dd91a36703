import HelioGrid
import HelioOptimize

/// A sizing study's answer: every design's outcome in the study's order, the best feasible one, the
/// cost–carbon Pareto front, the best design of each sensitivity case, and the LP bound.
public struct SizingResult: Sendable {
    /// Every design evaluated, in the study's order.
    public let outcomes: [SizingOutcome]
    /// Index of the best feasible design (lowest objective; the first in order on a tie), if any.
    public let best: Int?
    /// Indices of the non-dominated designs on NPC and carbon intensity among those that meet the
    /// limits other than intensity and renewable fraction (reliability and N+1), by rising intensity.
    public let pareto: [Int]
    /// For each sensitivity case, the index of its best feasible design.
    public let caseBest: [Int?]
    /// The capacity-expansion LP's optimum (a lower bound on the objective), when it was solved.
    public let lowerBound: CapacityBound?
    /// The gap between the bound and the best design by cause, when both exist.
    public var gap: SizingGap?

    /// Ranks `outcomes` (in the study's order); with `decidedBy`, only outcomes simulated with that
    /// strategy (the verified ones of a screened study) can be best.
    public init(outcomes: [SizingOutcome], caseCount: Int, lowerBound: CapacityBound?, decidedBy: DispatchConfig.Strategy? = nil) {
        self.outcomes = outcomes
        self.lowerBound = lowerBound
        caseBest = (0..<caseCount).map { Self.best(outcomes, case: $0, decidedBy: decidedBy) }
        best = caseBest.first ?? nil
        pareto = Self.front(outcomes)
    }

    private static func best(_ outcomes: [SizingOutcome], case index: Int, decidedBy: DispatchConfig.Strategy?) -> Int? {
        var best: Int?
        for (i, outcome) in outcomes.enumerated() where outcome.feasible && (decidedBy == nil || outcome.dispatch == decidedBy) {
            if best == nil || outcome.caseObjectives[index] < outcomes[best!].caseObjectives[index] { best = i }
        }
        return best
    }

    /// Designs no other beats on both NPC and intensity, among the reliable ones.
    private static func front(_ outcomes: [SizingOutcome]) -> [Int] {
        let reliable = outcomes.indices.filter { i in
            let violation = outcomes[i].violation
            return violation.isEmpty || violation.hasPrefix("intensity") || violation.hasPrefix("renewable")
        }
        let sorted = reliable.sorted { a, b in
            let (x, y) = (outcomes[a], outcomes[b])
            return x.intensityGPerKWh != y.intensityGPerKWh ? x.intensityGPerKWh < y.intensityGPerKWh : (x.npc != y.npc ? x.npc < y.npc : a < b)
        }
        var front: [Int] = [], lowestNPC = Double.infinity
        for index in sorted where outcomes[index].npc < lowestNPC {
            front.append(index)
            lowestNPC = outcomes[index].npc
        }
        return front
    }

    /// How far the best design's objective lies above the bound, as a fraction of the bound.
    public var gapToBound: Double? {
        guard let best, let bound = lowerBound, bound.objective != 0 else { return nil }
        return (outcomes[best].objective - bound.objective) / abs(bound.objective)
    }
}
