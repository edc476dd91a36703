import HelioGrid

extension PlanningRecord {
    /// The record of `result`, run by `strategy`: its operating cost (``OperatingCost``) and what the
    /// optimal or MPC planner reports.
    public init(strategy: any DispatchStrategy, result: SimulationResult) {
        self.init(operatingCost: OperatingCost.of(result))
        if let optimal = strategy as? OptimalDispatch {
            planCost = optimal.planCost
            relativeGap = optimal.largestRelativeGap
            fallbackSteps = optimal.fallbackYears * result.axis.stepsPerYear
        } else if let mpc = strategy as? MPCDispatch {
            forecastMembers = mpc.forecastMembers
            fallbackSteps = mpc.fallbackSteps
        }
    }
}
