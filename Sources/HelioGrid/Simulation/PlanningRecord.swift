/// What the dispatch strategy's planner did in a run, and what the run cost on the dispatch
/// objective: the figures that say how near a strategy came to perfect foresight (docs/validation.md).
public struct PlanningRecord: Sendable, Equatable {
    /// The run's operating cost on the dispatch objective (fuel and its carbon, O&M, starts, battery
    /// wear, the grid's bill, unserved energy, GPU work lost), year-1 prices, currency.
    public var operatingCost: Double
    /// Perfect foresight planned in one program: its objective, currency — with relaxed commitment the
    /// lower bound on any dispatch's operating cost, with whole units the cost of the plan found
    /// (`nil` for other strategies and for runs planned year by year, whose programs overlap).
    public var planCost: Double?
    /// With whole commitment, the largest relative gap between a year's plan and its proven bound.
    public var relativeGap: Double?
    /// Members each MPC plan hedged across (0 for other strategies).
    public var forecastMembers = 0
    /// Steps the rule-based EMS decided because no plan could be solved.
    public var fallbackSteps = 0
    /// (rule − this run) / (rule − perfect foresight with whole units), on operating cost: the share of
    /// the savings over the rule-based EMS a commitment-feasible optimum finds that this run captured
    /// (`nil` where that reference was not run: `compare --dispatch` runs it).
    public var savingsCaptured: Double?

    /// A record of a run costing `operatingCost`.
    public init(operatingCost: Double) {
        self.operatingCost = operatingCost
    }
}
