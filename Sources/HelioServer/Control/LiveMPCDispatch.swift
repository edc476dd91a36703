import HelioGrid
import HelioOptimize

/// Model-predictive control for the live loop: every `[dispatch] step_minutes` of plant time it
/// solves the commitment MILP (``DispatchProblem``, as ``MPCDispatch`` does in the simulator) over
/// `horizon_hours` of hourly steps — the measured load and PV for the present hour, then the
/// ``ForwardPlan`` forecasts — and, every control interval in between, follows the plan's present hour
/// through ``PlanFollower`` so the battery absorbs forecast errors at once. Without a plan (solver
/// failure) the rule-based EMS decides.
struct LiveMPCDispatch {
    let scenario: Scenario
    let inputs: SimulationInputs
    private let problem: DispatchProblem
    private var fallback: RuleBasedDispatch
    private var plan: DispatchPlan?
    private var planStartMS: Int64 = 0
    /// Re-plans solved so far.
    private(set) var replans = 0

    init(scenario: Scenario, inputs: SimulationInputs) {
        self.scenario = scenario
        self.inputs = inputs
        problem = DispatchProblem(scenario: scenario, integerCommitment: true, integerSteps: Int(MPCDispatch.integerHours),
                                  timeLimitSeconds: MPCDispatch.replanTimeLimitSeconds)
        fallback = RuleBasedDispatch(config: scenario.dispatch)
    }

    /// The decision for the interval starting at `nowMS` on the measured `context`; `reading` feeds the forecasts.
    mutating func decide(_ context: DispatchContext, reading: PlantTelemetry, nowMS: Int64) -> DispatchDecision {
        if plan == nil || nowMS - planStartMS >= Int64(scenario.dispatch.stepMinutes) * 60_000 { replan(context, reading: reading, nowMS: nowMS) }
        guard let plan else { return fallback.decide(context) }
        let hour = min(plan.pvKW.count - 1, Int((nowMS - planStartMS) / 3_600_000))
        return PlanFollower.decision(following: PlannedStep(plan: plan, step: hour, unitKW: scenario.diesel?.unitKW ?? 0), in: context)
    }

    private mutating func replan(_ context: DispatchContext, reading: PlantTelemetry, nowMS: Int64) {
        let hours = max(1, Int(scenario.dispatch.horizonHours.rounded()))
        let (load, pv, _) = ForwardPlan.profiles(scenario: scenario, inputs: inputs, reading: reading, nowMS: nowMS, hours: hours)
        var horizon = DispatchHorizon(
            stepHours: 1, loadKW: [reading.loadKW] + load.dropFirst(), pvAvailableKW: [reading.pvAvailableKW] + pv.dropFirst(),
            gridCarbonGPerKWh: scenario.connectedGrid.map { grid in Array(repeating: grid.carbonGPerKWh, count: hours) } ?? [],
            initialEnergyKWh: context.battery?.energyKWh ?? 0, capacityKWh: context.battery?.capacityKWh ?? 0,
            initialUnits: context.fleet?.runningUnits ?? 0, endAtLeastStart: context.battery != nil)
        planStartMS = nowMS
        plan = try? problem.solve(horizon)
        if plan == nil {
            horizon.endAtLeastStart = false
            plan = try? problem.solve(horizon)
        }
        if plan != nil { replans += 1 }
    }
}
