import HelioGrid

/// A staged design simulated over the whole life and judged (``StagedSizingStudy``): its figures
/// as a single-stage outcome gives them (the plant of its last stage as the outcome's design, the
/// worst year's figures over all years), each year's intensity and the years that break a limit.
public struct StagedOutcome: Sendable, Equatable {
    /// The design.
    public var design: StagedDesign
    /// NPC, LCOE, capital, worst-year figures, feasibility and the first limit broken.
    public var outcome: SizingOutcome
    /// Carbon intensity of each project year, gCO₂e/kWh.
    public var yearIntensityGPerKWh: [Double]
    /// Project years whose unserved share or intensity break `[size]`'s limits, or whose gensets are
    /// not firm at N + 1 on the design day.
    public var failingYears: [Int]
    /// Capital of its expansions, undiscounted, each at its year's prices.
    public var expansionCapex: Double
    /// How far it is from meeting the limits: 0 when it meets them; the sum of each limit's relative
    /// excess otherwise (what the search climbs down while no design meets them).
    public var shortfall: Double

    /// Whether it meets every limit.
    public var feasible: Bool { outcome.feasible }

    /// Whether it ranks before `other`: one meeting the limits before one that does not, then the
    /// lower objective (`objective`) or, failing both, the smaller shortfall.
    public func ranks(before other: StagedOutcome, objective: (StagedOutcome) -> Double) -> Bool {
        if feasible != other.feasible { return feasible }
        if !feasible, shortfall != other.shortfall { return shortfall < other.shortfall }
        return objective(self) < objective(other)
    }
}
