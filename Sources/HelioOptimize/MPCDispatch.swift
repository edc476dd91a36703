import HelioGrid

/// Model-predictive dispatch, the one receding-horizon planner of the simulator and the live EMS.
///
/// Plans run on a grid of `planStepHours` steps counted from the clock's origin
/// (``DispatchContext/timeHours``): the simulation step in simulation, the clock hour live. Every
/// `replanHours` it solves the commitment MILP (``DispatchProblem``) over `horizon_hours` on
/// forecasts — the measured load and PV for the present plan step, then ``Forecaster`` values — and
/// until the next re-plan the plant follows the plan step it is in through ``PlanFollower`` (battery
/// first, then gensets), which absorbs forecast errors at once. Unit counts are integer over the first
/// ``integerHours`` of the horizon, where decisions are taken, and relaxed beyond, which keeps a 48-hour
/// re-plan to milliseconds (a fully integer one takes seconds to prove within 0.01 %). Units held on by
/// their minimum run time stay committed in the plan. Stored energy at the horizon's end is held at
/// least at its present level, so the controller does not spend the battery on the last forecast
/// hours; if that cannot be met the plan is solved without it, and if the solver fails the rule-based
/// EMS decides that step.
public struct MPCDispatch: DispatchStrategy {
    private let problem: DispatchProblem
    private var pvForecaster: any Forecaster
    private var loadForecaster: any Forecaster
    private let gridCarbonForecaster: (any Forecaster)?
    private let dieselRatingForecaster: (any Forecaster)?
    private let planStepHours: Double
    private let replanHours: Double
    private let horizonSteps: Int
    private let unitKW: Double
    private var fallback: RuleBasedDispatch
    private var plan: DispatchPlan?
    private var planStartHours = 0.0
    private var planStartIndex = 0
    /// Plans solved so far.
    public private(set) var replans = 0
    /// Solver time of all plans so far, seconds.
    public private(set) var solveSeconds = 0.0
    /// Steps decided by the rule-based fallback because no plan could be solved.
    public private(set) var fallbackSteps = 0

    public var name: String { "mpc" }

    /// Hours at the start of each horizon with integer commitment.
    public static let integerHours = 3.0
    /// Longest one re-plan may take, seconds (the best solution found is used).
    public static let replanTimeLimitSeconds = 0.5
    /// Tolerance on clock comparisons, hours (well under a millisecond's worth of a step index).
    private static let clockTolerance = 1e-6

    /// A planner for `scenario` on plan steps of `planStepHours`, re-planning every `replanHours`,
    /// with forecasters indexed by plan step; without `gridCarbonForecaster` the grid's constant
    /// factor is used, without `dieselRatingForecaster` the gensets' present derating holds over the horizon.
    public init(scenario: Scenario, planStepHours: Double, replanHours: Double, pvForecaster: any Forecaster,
                loadForecaster: any Forecaster, gridCarbonForecaster: (any Forecaster)?,
                dieselRatingForecaster: (any Forecaster)? = nil) {
        problem = DispatchProblem(scenario: scenario, integerCommitment: true,
                                  integerSteps: max(1, Int((Self.integerHours / planStepHours).rounded())),
                                  timeLimitSeconds: Self.replanTimeLimitSeconds)
        self.pvForecaster = pvForecaster
        self.loadForecaster = loadForecaster
        self.gridCarbonForecaster = gridCarbonForecaster
        self.dieselRatingForecaster = dieselRatingForecaster
        self.planStepHours = planStepHours
        self.replanHours = replanHours
        horizonSteps = max(1, Int((scenario.dispatch.horizonHours / planStepHours).rounded()))
        unitKW = scenario.diesel?.unitKW ?? 0
        fallback = RuleBasedDispatch(config: scenario.dispatch)
    }

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        let index = Int((context.timeHours / planStepHours + Self.clockTolerance).rounded(.down))
        pvForecaster.observe(step: index, value: context.pvAvailableKW)
        loadForecaster.observe(step: index, value: context.loadKW)
        if plan == nil || context.timeHours - planStartHours >= replanHours - Self.clockTolerance {
            replan(context, index: index)
        }
        guard let plan else {
            fallbackSteps += 1
            return fallback.decide(context)
        }
        let offset = min(plan.pvKW.count - 1, index - planStartIndex)
        return PlanFollower.decision(following: PlantSetpoints(plan: plan, step: offset, unitKW: unitKW), in: context)
    }

    /// The gensets' rating factor over the horizon: the present one, then the forecast (or the present one held).
    private func dieselRating(_ context: DispatchContext, index: Int) -> [Double] {
        guard let fleet = context.fleet else { return [] }
        let later = dieselRatingForecaster?.forecast(after: index, count: horizonSteps - 1)
            ?? Array(repeating: fleet.ratingFactor, count: horizonSteps - 1)
        return [fleet.ratingFactor] + later
    }

    private mutating func replan(_ context: DispatchContext, index: Int) {
        let hours = context.stepHours
        let stepsPerPlanStep = max(1, Int((planStepHours / hours).rounded()))
        let mustRun = context.fleet.map { fleet in
            (0..<horizonSteps).map { fleet.unitsThatMustRun(step: context.step + $0 * stepsPerPlanStep, stepHours: hours) }
        } ?? []
        var horizon = DispatchHorizon(
            stepHours: planStepHours,
            loadKW: [context.loadKW] + loadForecaster.forecast(after: index, count: horizonSteps - 1),
            pvAvailableKW: [context.pvAvailableKW] + pvForecaster.forecast(after: index, count: horizonSteps - 1),
            gridCarbonGPerKWh: gridCarbonForecaster?.forecast(after: index - 1, count: horizonSteps) ?? [],
            dieselRatingFactor: dieselRating(context, index: index),
            initialEnergyKWh: context.battery?.energyKWh ?? 0, capacityKWh: context.battery?.capacityKWh ?? 0,
            initialUnits: context.fleet?.runningUnits ?? 0, initialMustRun: mustRun, endAtLeastStart: context.battery != nil)
        planStartHours = context.timeHours
        planStartIndex = index
        plan = try? problem.solve(horizon)
        if plan == nil {
            horizon.endAtLeastStart = false
            plan = try? problem.solve(horizon)
        }
        if let plan {
            replans += 1
            solveSeconds += plan.solveSeconds
        }
    }
}
