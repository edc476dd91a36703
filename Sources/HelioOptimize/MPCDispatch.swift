import HelioGrid

/// Model-predictive dispatch: every `step_minutes` it solves the commitment MILP (``DispatchProblem``)
/// over the next `horizon_hours` on forecasts — the measured load and PV for the present step, then
/// ``Forecaster`` values — and applies only the present step; the plant absorbs forecast errors
/// through ``PlanFollower`` (battery first, then gensets). Unit counts are integer over the first
/// ``integerHours`` of the horizon, where decisions are taken, and relaxed beyond, which keeps a
/// 48-hour re-plan to milliseconds (a fully integer one takes seconds to prove within 0.01 %). Stored energy at the horizon's end is
/// held at least at its present level, so the controller does not spend the battery on the last
/// forecast hours; if that cannot be met the plan is solved without it, and if the solver fails the
/// rule-based EMS decides that step.
public struct MPCDispatch: DispatchStrategy {
    private let problem: DispatchProblem
    private var pvForecaster: any Forecaster
    private var loadForecaster: any Forecaster
    private let gridCarbonGPerKWh: [Double]
    private let horizonSteps: Int
    private let replanSteps: Int
    private let unitKW: Double
    private var fallback: RuleBasedDispatch
    private var plan: DispatchPlan?
    private var planStart = 0
    /// Solver time of every re-plan so far, seconds.
    public private(set) var solveSeconds: [Double] = []
    /// Steps decided by the rule-based fallback because no plan could be solved.
    public private(set) var fallbackSteps = 0

    public var name: String { "mpc" }

    /// Hours at the start of each horizon with integer commitment.
    public static let integerHours = 3.0
    /// Longest one re-plan may take, seconds (the best solution found is used).
    public static let replanTimeLimitSeconds = 0.5

    /// Creates the controller for `scenario` on a `stepMinutes` clock with the given forecasters.
    public init(scenario: Scenario, stepMinutes: Int, pvForecaster: any Forecaster, loadForecaster: any Forecaster,
                gridCarbonGPerKWh: [Double]) {
        let stepHours = Double(stepMinutes) / 60
        problem = DispatchProblem(scenario: scenario, integerCommitment: true,
                                  integerSteps: max(1, Int((Self.integerHours / stepHours).rounded())),
                                  timeLimitSeconds: Self.replanTimeLimitSeconds)
        self.pvForecaster = pvForecaster
        self.loadForecaster = loadForecaster
        self.gridCarbonGPerKWh = gridCarbonGPerKWh
        horizonSteps = max(1, Int((scenario.dispatch.horizonHours / stepHours).rounded()))
        replanSteps = max(1, scenario.dispatch.stepMinutes / stepMinutes)
        unitKW = scenario.diesel?.unitKW ?? 0
        fallback = RuleBasedDispatch(config: scenario.dispatch)
    }

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        pvForecaster.observe(step: context.step, value: context.pvAvailableKW)
        loadForecaster.observe(step: context.step, value: context.loadKW)
        if plan == nil || context.step - planStart >= replanSteps {
            replan(context)
        }
        guard let plan else {
            fallbackSteps += 1
            return fallback.decide(context)
        }
        return PlanFollower.decision(following: PlannedStep(plan: plan, step: context.step - planStart, unitKW: unitKW), in: context)
    }

    private mutating func replan(_ context: DispatchContext) {
        let step = context.step, hours = context.stepHours
        let mustRun = context.fleet.map { fleet in (0..<horizonSteps).map { fleet.unitsThatMustRun(step: step + $0, stepHours: hours) } } ?? []
        var horizon = DispatchHorizon(
            stepHours: hours,
            loadKW: [context.loadKW] + loadForecaster.forecast(after: step, count: horizonSteps - 1),
            pvAvailableKW: [context.pvAvailableKW] + pvForecaster.forecast(after: step, count: horizonSteps - 1),
            gridCarbonGPerKWh: gridCarbonGPerKWh.isEmpty ? [] : (0..<horizonSteps).map { gridCarbonGPerKWh[(step + $0) % gridCarbonGPerKWh.count] },
            initialEnergyKWh: context.battery?.energyKWh ?? 0, capacityKWh: context.battery?.capacityKWh ?? 0,
            initialUnits: context.fleet?.runningUnits ?? 0, initialMustRun: mustRun, endAtLeastStart: context.battery != nil)
        planStart = step
        if let solved = try? problem.solve(horizon) {
            plan = solved
        } else {
            horizon.endAtLeastStart = false
            plan = try? problem.solve(horizon)
        }
        if let plan { solveSeconds.append(plan.solveSeconds) }
    }
}
