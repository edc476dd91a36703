import HelioForecast
import HelioGrid
import HelioLP

/// Model-predictive dispatch, the one receding-horizon planner of the simulator and the live EMS.
///
/// Plans run on a grid of `planStepHours` steps counted from the clock's origin
/// (``DispatchContext/timeHours``): the simulation step in simulation, the clock hour live. Every
/// `replanHours` it solves the commitment MILP (``DispatchProblem``) over `horizon_hours` on
/// forecasts — the measured load and PV for the present plan step, then ``Forecaster`` values — and
/// until the next re-plan the plant follows the plan step it is in through ``PlanFollower`` (battery
/// first, then gensets), which absorbs forecast errors at once. Unit counts are integer over the first
/// ``integerHours`` of the horizon, the plan step that is carried out, and relaxed beyond, which keeps a
/// re-plan to milliseconds (a fully integer one takes seconds to prove within 0.01 %; three integer
/// hours took twice as long over the reference year for 0.06 % less fuel). Units held on by
/// their minimum run time stay committed in the plan.
///
/// Energy left in the battery at the horizon's end is valued by a coarse look-ahead rather than by a
/// hard end condition: after the horizon the plan continues over `lookahead_hours` in blocks of
/// `lookahead_block_hours` (forecast means, commitment relaxed), so stored energy is worth what it
/// will save in the days after — the diesel it displaces, or nothing if PV will refill it anyway.
/// This is the move-blocking scheme of R. Cagienard, P. Grieder, E. C. Kerrigan and M. Morari, "Move
/// blocking strategies in receding horizon control", J. Process Control 17(6), 2007, which keeps a
/// long prediction horizon at the cost of a short one; the tail plays the role of the terminal value
/// of stored energy ("water value") of hydro-thermal scheduling. A hard end condition (end ≥ start)
/// made every 48-hour window refill the battery, at night with diesel. Against forecast error each
/// plan hedges across the members of a forecast ensemble (``AnalogEnsemble``, `forecast_members`):
/// one copy of the program per member, the hour carried out common to all
/// (``DispatchProblem/solve(members:warmStart:)``), so stored energy at the horizon's end is worth
/// what it saves on average over the members' own continuations rather than on the mean forecast.
/// With one member (the point forecasts alone) the plan instead keeps spare battery power: the
/// `forecast_reserve_quantile` of the last week's shortfalls of net load against its forecast
/// (``ForecastErrorWindow``), dropped for a plan the battery is too low to hold it in. With flexible
/// GPU work the members differ in PV only (the plan sets the load). If the solver fails the rule-based EMS decides that step. Each re-plan's simplex
/// starts from the last plan's optimal basis moved on by the steps since (``PlanLayout``), a warm
/// start that saves most of the iterations of a cold solve. On a grid with a tariff (docs/grid.md)
/// each plan prices imports and exports on the price forecasters' values and carries each calendar
/// month's peak import as a variable no lower than the month's peak so far (``DemandCharges``), the
/// month's charge counted once; the look-ahead then reaches at least to the month's end, so a plan
/// sees the imports the rest of the month will need (a plan that saw two days would run gensets to
/// keep a young month's peak low that later days must raise anyway). In a simulation the run's end is
/// known: once it lies within the horizon, the plan must end the run at the state of charge the run
/// started at (as the perfect-foresight LP does), so strategies are compared on the same footing.
public struct MPCDispatch: DispatchStrategy {
    private let problem: DispatchProblem
    private var pvForecaster: any Forecaster
    private var loadForecaster: any Forecaster
    private let gridCarbonForecaster: (any Forecaster)?
    private let dieselRatingForecaster: (any Forecaster)?
    private let planStepHours: Double
    private let replanHours: Double
    private let horizonSteps: Int
    /// Plan steps per look-ahead block, and the number of blocks `lookahead_hours` asks for.
    private let blockSteps: Int, lookaheadBlocks: Int
    /// Look-ahead blocks of the present plan: under a demand charge at least to the end of the month.
    private var blocks: Int
    /// What a unit is planned to carry when a planned output becomes whole units, kW: its rating
    /// within its duty's loading limit (``GensetRating/dispatchLoadingLimit``).
    private let unitKW: Double
    private var fallback: RuleBasedDispatch
    /// Net load (load − PV) the last plan expected per plan step from its start.
    private var plannedNetKW: (start: Int, values: [Double])?
    private var errors: ForecastErrorWindow
    /// Probabilistic forecasts: each re-plan hedges across the ensemble's members (`nil`: the point
    /// forecasts alone, deterministic MPC).
    private let ensemble: AnalogEnsemble?
    private let reserveQuantile: Double
    private var plan: DispatchPlan?
    /// The GPU work in flexible operation (`nil` when rigid).
    private let compute: ComputeProfile?
    /// Import and export price forecasters (`nil`: the scenario's constant prices).
    private var importPriceForecaster: (any Forecaster)?, exportPriceForecaster: (any Forecaster)?
    /// The tariff whose demand charge the plans carry, its months on plan steps and its month peaks
    /// from the imports decided (`nil`: no demand charge).
    private var demand: GridTariff?
    /// Plan steps in the simulated run and the state of charge it started at (`nil` live: no end).
    private let runEnd: (planSteps: Int, soc: Double)?
    /// The present calendar day's genset energy and running units' rated energy so far, kWh (the
    /// 24-hour duty average of prime-rated units is judged per day).
    private var dutyDay = (day: -1, dieselKWh: 0.0, ratedKWh: 0.0)
    private var planStartHours = 0.0
    private var planStartIndex = 0
    /// Plans solved so far.
    public private(set) var replans = 0
    /// Solver time of all plans so far, seconds.
    public private(set) var solveSeconds = 0.0
    /// Wall time of all re-plans so far (forecasts, building the program, solving), seconds.
    public private(set) var replanSeconds = 0.0
    /// The longest re-plan so far, seconds.
    public private(set) var longestReplanSeconds = 0.0
    /// Steps decided by the rule-based fallback because no plan could be solved.
    public private(set) var fallbackSteps = 0

    public var kind: DispatchConfig.Strategy { .mpc }

    /// Members each plan hedges across (1: the point forecasts alone).
    public var forecastMembers: Int { ensemble?.members ?? 1 }

    /// Hours at the start of each horizon with integer commitment (the step carried out).
    public static let integerHours = 1.0
    /// Longest one re-plan may take, seconds (the best solution found is used).
    public static let replanTimeLimitSeconds = 0.5
    /// Tolerance on clock comparisons, hours (well under a millisecond's worth of a step index).
    private static let clockTolerance = 1e-6

    /// A planner for `scenario` on plan steps of `planStepHours`, re-planning every `replanHours`,
    /// with forecasters indexed by plan step; without `gridCarbonForecaster` the grid's constant
    /// factor is used, without `dieselRatingForecaster` the gensets' present derating holds over the horizon.
    public init(scenario: Scenario, planStepHours: Double, replanHours: Double, pvForecaster: any Forecaster,
                loadForecaster: any Forecaster, gridCarbonForecaster: (any Forecaster)?,
                dieselRatingForecaster: (any Forecaster)? = nil, compute: ComputeProfile? = nil,
                importPriceForecaster: (any Forecaster)? = nil, exportPriceForecaster: (any Forecaster)? = nil,
                tariff: GridTariff? = nil, runPlanSteps: Int? = nil, ensemble: AnalogEnsemble? = nil) {
        self.compute = compute
        self.ensemble = ensemble
        runEnd = runPlanSteps.map { ($0, scenario.battery?.socInitial ?? 0) }
        self.importPriceForecaster = importPriceForecaster
        self.exportPriceForecaster = exportPriceForecaster
        demand = tariff.flatMap { $0.demandCharged ? $0 : nil }
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
        blockSteps = max(1, Int((scenario.dispatch.lookaheadBlockHours / planStepHours).rounded()))
        lookaheadBlocks = Int((scenario.dispatch.lookaheadHours / (Double(blockSteps) * planStepHours)).rounded())
        blocks = lookaheadBlocks
        unitKW = scenario.diesel.map { $0.unitKW * $0.rating.dispatchLoadingLimit } ?? 0
        fallback = StrategyFactory.ruleBased(scenario)
        errors = ForecastErrorWindow(capacity: max(1, Int((Self.errorWindowHours / planStepHours).rounded())))
        reserveQuantile = scenario.dispatch.forecastReserveQuantile
    }

    /// Hours of recent forecast errors the reserve is sized from.
    public static let errorWindowHours = 168.0

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        let index = Int((context.timeHours / planStepHours + Self.clockTolerance).rounded(.down))
        if let signal = context.gridSignal {
            importPriceForecaster?.observe(step: index, value: signal.importPricePerKWh)
            exportPriceForecaster?.observe(step: index, value: signal.exportPricePerKWh)
        }
        let day = Int((context.timeHours / 24 + Self.clockTolerance).rounded(.down))
        if day != dutyDay.day { dutyDay = (day, 0, 0) }
        let decision = decide(context, index: index)
        if let month = demand?.months.month(ofStep: index) { demand?.recordImport(decision.gridKW, month: month) }
        dutyDay.dieselKWh += decision.dieselKW * context.stepHours
        dutyDay.ratedKWh += Double(decision.dieselUnits) * (context.fleet?.availableUnitKW ?? 0) * context.stepHours
        return decision
    }

    /// The decision at plan step `index`: re-plan when due, then follow the plan.
    private mutating func decide(_ context: DispatchContext, index: Int) -> DispatchDecision {
        pvForecaster.observe(step: index, value: context.pvAvailableKW)
        loadForecaster.observe(step: index, value: context.loadKW)
        if let planned = plannedNetKW, index > planned.start, index - planned.start < planned.values.count {
            errors.record(context.loadKW - context.pvAvailableKW - planned.values[index - planned.start])
        }
        if plan == nil || context.timeHours - planStartHours >= replanHours - Self.clockTolerance {
            replan(context, index: index)
        }
        guard let plan else {
            fallbackSteps += 1
            return fallback.decide(context)
        }
        let offset = min(plan.pvKW.count - 1, index - planStartIndex)
        let setpoints = PlantSetpoints(plan: plan, step: offset, unitKW: unitKW)
        guard let state = context.compute, offset < plan.batchKW.count else {
            return PlanFollower.decision(following: setpoints, in: context)
        }
        // The planned work, held to what this step allows (the plan saw forecasts, not this step).
        let cap = state.trainingKW > 0 ? plan.trainingKW[offset] / state.trainingKW : 1
        let choice = state.allowed(ComputeChoice(batchKW: plan.batchKW[offset], trainingCap: cap))
        var planned = context
        planned.loadKW = state.facilityKW(choice)
        var decision = PlanFollower.decision(following: setpoints, in: planned)
        decision.compute = choice
        return decision
    }

    /// Plan steps forecast after the present one: the rest of the horizon and the look-ahead.
    private var forecastSteps: Int { horizonSteps - 1 + blocks * blockSteps }

    /// `values` (the present step, then one per forecast step) as the horizon's plan steps followed by
    /// the means of each look-ahead block.
    private func blocked(_ values: [Double]) -> [Double] {
        guard blocks > 0 else { return values }
        let tail = (0..<blocks).map { block in
            values[(horizonSteps + block * blockSteps)..<(horizonSteps + (block + 1) * blockSteps)].reduce(0, +) / Double(blockSteps)
        }
        return Array(values[..<horizonSteps]) + tail
    }

    /// The gensets' rating factor over the horizon: the present one, then the forecast (or the present one held).
    private func dieselRating(_ context: DispatchContext, index: Int) -> [Double] {
        guard let fleet = context.fleet else { return [] }
        let later = dieselRatingForecaster?.forecast(after: index, count: forecastSteps)
            ?? Array(repeating: fleet.ratingFactor, count: forecastSteps)
        return blocked([fleet.ratingFactor] + later)
    }

    /// The months the horizon from plan step `index` covers as billing periods (a block counts in the
    /// month it starts in), each no lower than the present month's peak so far. A later month is seen
    /// over only the few hours the horizon reaches into it: from nothing, its charge would look
    /// avoidable by emptying the battery into those hours, and the plan would buy a higher peak now
    /// to do it; the rest of that month will set its peak anyway.
    private func demandCharges(_ demand: GridTariff, index: Int) -> DemandCharges {
        let first = demand.months.month(ofStep: index)
        let starts = (0..<horizonSteps).map { index + $0 } + (0..<blocks).map { index + horizonSteps + $0 * blockSteps }
        let periods = starts.map { demand.months.month(ofStep: $0) - first }
        let floors = Array(repeating: demand.peakKW(inMonth: first), count: (periods.max() ?? 0) + 1)
        return DemandCharges(periodOfStep: periods, floorKW: floors, chargePerKW: demand.demandChargePerKWMonth)
    }

    private mutating func replan(_ context: DispatchContext, index: Int) {
        let clock = ContinuousClock(), started = clock.now
        defer {
            let seconds = (clock.now - started).milliseconds / 1000
            replanSeconds += seconds
            longestReplanSeconds = max(longestReplanSeconds, seconds)
        }
        if let demand {
            let toMonthEnd = demand.months.stepsToNextMonth(from: index) - horizonSteps
            blocks = max(lookaheadBlocks, (toMonthEnd + blockSteps - 1) / blockSteps)
        }
        let hours = context.stepHours
        let stepsPerPlanStep = max(1, Int((planStepHours / hours).rounded()))
        let mustRun = context.fleet.map { fleet in
            (0..<horizonSteps).map { fleet.unitsThatMustRun(step: context.step + $0 * stepsPerPlanStep, stepHours: hours) }
        } ?? []
        let loadForecast = [context.loadKW] + loadForecaster.forecast(after: index, count: forecastSteps)
        let pvForecast = pvForecaster.forecast(after: index, count: forecastSteps)
        var horizon = DispatchHorizon(
            stepHours: planStepHours,
            loadKW: blocked(loadForecast),
            pvAvailableKW: blocked([context.pvAvailableKW] + pvForecast),
            gridCarbonGPerKWh: gridCarbonForecaster.map { blocked($0.forecast(after: index - 1, count: forecastSteps + 1)) } ?? [],
            dieselRatingFactor: dieselRating(context, index: index),
            initialEnergyKWh: context.battery?.energyKWh ?? 0, capacityKWh: context.battery?.capacityKWh ?? 0,
            initialUnits: context.fleet?.runningUnits ?? 0, initialMustRun: mustRun, endAtLeastStart: false,
            blockHours: Array(repeating: Double(blockSteps) * planStepHours, count: blocks))
        // Members carry the forecast's uncertainty themselves; the point forecast keeps a reserve against it.
        horizon.forecastReserveKW = ensemble == nil ? errors.quantile(reserveQuantile) : 0
        if problem.plant.diesel?.rating == .prime {
            let dayEndHours = Double(dutyDay.day + 1) * 24 - context.timeHours
            horizon.primeDay = (Int((dayEndHours / planStepHours).rounded(.up)), dutyDay.dieselKWh, dutyDay.ratedKWh)
        }
        if let runEnd, runEnd.planSteps - index <= horizonSteps, let battery = context.battery {
            horizon.energyFloor = (runEnd.planSteps - index - 1, runEnd.soc * battery.capacityKWh)
        }
        if let forecaster = importPriceForecaster { horizon.gridPricePerKWh = blocked(forecaster.forecast(after: index - 1, count: forecastSteps + 1)) }
        if let forecaster = exportPriceForecaster {
            horizon.gridExportPricePerKWh = blocked(forecaster.forecast(after: index - 1, count: forecastSteps + 1))
        }
        if let demand { horizon.demandCharges = demandCharges(demand, index: index) }
        if let compute, let state = context.compute, stepsPerPlanStep == 1 {
            horizon.compute = ComputeHorizon(receding: compute, state: state, step: context.step,
                                             index: context.step % compute.batchArrivalKW.count, stepHours: hours,
                                             loadForecastKW: loadForecast, scenario: problem.scenario, blocked: blocked,
                                             planSteps: horizonSteps, blockSteps: blockSteps)
        }
        plannedNetKW = (index, zip(horizon.loadKW, horizon.pvAvailableKW).prefix(horizon.planSteps).map { $0 - $1 })
        let previousStartIndex = planStartIndex
        planStartHours = context.timeHours
        planStartIndex = index
        let warmStart = (plan?.warmStart).map { ($0.basis, $0.layout, index - previousStartIndex) }
        let members = ensemble?.members(at: index, pvKW: pvForecast, loadKW: Array(loadForecast.dropFirst()))
        plan = try? solve(horizon, members: members, context: context, warmStart: warmStart)
        if plan == nil, horizon.forecastReserveKW > 0 || horizon.energyFloor != nil {
            // A battery too low to hold the reserve, or to refill by the run's end: plan without them
            // rather than fall back to the rules.
            horizon.forecastReserveKW = 0
            horizon.energyFloor = nil
            plan = try? solve(horizon, members: members, context: context, warmStart: warmStart)
        }
        if let plan {
            replans += 1
            solveSeconds += plan.solveSeconds
        }
    }

    /// The plan for `horizon` on the point forecasts, or across the ensemble's `members` (each the
    /// horizon with its own load and PV after the present step).
    private func solve(_ horizon: DispatchHorizon, members: [(pvKW: [Double], loadKW: [Double])]?, context: DispatchContext,
                       warmStart: (basis: Basis, layout: PlanLayout, shift: Int)?) throws -> DispatchPlan {
        guard let members, members.count > 1 else { return try problem.solve(horizon, warmStart: warmStart) }
        return try problem.solve(members: members.map { member in
            var memberHorizon = horizon
            memberHorizon.loadKW = blocked([context.loadKW] + member.loadKW)
            memberHorizon.pvAvailableKW = blocked([context.pvAvailableKW] + member.pvKW)
            return memberHorizon
        }, warmStart: warmStart)
    }
}
