import Foundation
import HelioGrid

/// Perfect-foresight dispatch: an LP over the simulated period with the true load and PV
/// (commitment relaxed: the lower bound on operating cost), stored energy at the end no lower than
/// at the start; with `[dispatch] commitment = "whole"` a MILP per year (whole units, minimum load,
/// start costs, minimum run time) solved to `[solver] mip_gap`, a plan whole units follow exactly
/// (``largestRelativeGap``). A run longer than ``maximumSteps`` (or than a year, with whole commitment
/// or `optimal_horizon = "year"`) is planned year by year, each year's LP solved as
/// the year begins from the plant as it is then (stored energy, faded capacity, running units) and
/// looking ``lookaheadDays`` into the next year (stored energy at the look-ahead's end no lower than
/// at the year's start), so a year's last days are planned knowing what follows; the last year ends
/// at the state of charge the run started with (`soc_initial` of the capacity left). The plant
/// follows the plan step by step (``PlanFollower`` rounds relaxed commitment to whole units). It is
/// the lower bound other strategies are compared with. A campus that grows (``Scenario/isStaged``)
/// is planned year by year, each year on its load phase and the plant installed by then. In flexible operation (`[dispatch] compute = "flexible"`) the LP also plans the GPU work
/// (``ComputeHorizon``): batch work within its deadlines and training caps, which the plant then runs.
public struct OptimalDispatch: DispatchStrategy {
    /// The plan being followed: the whole run's, or the present year's when planned year by year.
    public private(set) var plan: DispatchPlan
    /// The run step the plan starts at.
    private var planStart = 0
    /// What a unit is planned to carry when a planned output becomes whole units, kW: its rating
    /// within its duty's loading limit (``GensetRating/dispatchLoadingLimit``).
    private let unitKW: Double
    /// What a year-by-year run plans each year from (`nil`: one LP planned the whole run).
    private let yearly: (scenario: Scenario, inputs: SimulationInputs, lookaheadSteps: Int)?
    /// Years whose LP failed, run by the rule-based EMS instead.
    public private(set) var fallbackYears = 0
    /// With whole commitment, the largest relative gap of a year's plan to its proven bound (`nil`
    /// for relaxed commitment).
    public private(set) var largestRelativeGap: Double?
    /// The objective of the one program that planned the whole run, currency (`nil` when planned year
    /// by year over more than a year: the years' programs overlap by their look-ahead).
    public private(set) var planCost: Double?
    private var fallback: RuleBasedDispatch

    public var kind: DispatchConfig.Strategy { .optimal }

    /// Longest run planned in one LP, steps: 20 years hourly (about 1.9 million columns; HiGHS solves
    /// it in under 2 minutes, docs/solvers.md).
    public static let maximumSteps = 175_200
    /// Days of the next year a year's LP looks ahead to when a run is planned year by year.
    public static let lookaheadDays = 7

    /// Plans `scenario` on `inputs` (PV degraded and replaced per year as the engine does,
    /// ``ComponentLives``): the whole run in one LP when it has at most `maximumSteps` steps (battery
    /// capacity at nameplate), else its first year, the others as they begin.
    public init(scenario: Scenario, inputs: SimulationInputs, maximumSteps: Int = Self.maximumSteps) throws {
        let years = scenario.site.years, perYear = inputs.axis.stepsPerYear
        unitKW = scenario.diesel.map { $0.unitKW * $0.rating.dispatchLoadingLimit } ?? 0
        fallback = StrategyFactory.ruleBased(scenario)
        let battery = scenario.battery
        let start = (energyKWh: battery.map { $0.energyKWh * $0.socInitial } ?? 0, capacityKWh: battery?.energyKWh ?? 0)
        let byYear = scenario.dispatch.commitment == .whole || scenario.dispatch.optimalHorizon == .year || scenario.isStaged
        let limit = byYear ? min(maximumSteps, perYear) : maximumSteps
        guard perYear * years > limit else {
            yearly = nil
            plan = try Self.solve(scenario, inputs: inputs, years: 0..<years, steps: perYear * years, start: start, units: 0, endFloorKWh: nil)
            largestRelativeGap = plan.relativeGap
            planCost = plan.cost
            return
        }
        guard perYear <= limit, inputs.compute == nil else {
            throw HelioError(.usage,
                             "perfect-foresight dispatch plans at most \(limit) steps in one LP, year by year only with the load given (compute = \"rigid\"); this run has \(perYear * years): use a coarser --timestep or fewer years",
                             file: scenario.source, key: "dispatch.strategy")
        }
        yearly = (scenario, inputs, min(perYear, Int((Double(Self.lookaheadDays) * 24 / inputs.axis.stepHours).rounded())))
        plan = try Self.year(0, of: scenario, inputs: inputs, lookaheadSteps: yearly!.lookaheadSteps, start: start, units: 0)
        largestRelativeGap = plan.relativeGap
    }

    /// Year `year`'s LP: the year and, before the last, the look-ahead into the next one.
    private static func year(_ year: Int, of scenario: Scenario, inputs: SimulationInputs, lookaheadSteps: Int,
                             start: (energyKWh: Double, capacityKWh: Double), units: Int) throws -> DispatchPlan {
        let perYear = inputs.axis.stepsPerYear
        let last = year + 1 == scenario.site.years
        let floorKWh = last ? (scenario.battery?.socInitial ?? 0) * start.capacityKWh : nil
        return try solve(scenario, inputs: inputs, years: last ? year..<(year + 1) : year..<(year + 2),
                         steps: perYear + (last ? 0 : lookaheadSteps), start: start, units: units, endFloorKWh: floorKWh,
                         plant: scenario.isStaged ? scenario.inForce(year: year + 1) : scenario)
    }

    /// The LP over the first `steps` steps of `years` of the run, from `start` (stored energy and
    /// capacity, kWh) and `units` running; the last step's stored energy at least `endFloorKWh`
    /// when given, else at least the start's. `plant` gives the plant's limits: the scenario's, or for
    /// a campus that grows the plant installed in the first of `years` (its look-ahead into the next
    /// year plans on it, a week at most).
    private static func solve(_ scenario: Scenario, inputs: SimulationInputs, years: Range<Int>, steps: Int,
                              start: (energyKWh: Double, capacityKWh: Double), units: Int, endFloorKWh: Double?,
                              plant: Scenario? = nil) throws -> DispatchPlan {
        let (load, pv, carbon, rating) = inputs.wholeRun(scenario, years: years)
        var horizon = DispatchHorizon(
            stepHours: inputs.axis.stepHours, loadKW: Array(load.prefix(steps)), pvAvailableKW: Array(pv.prefix(steps)),
            gridCarbonGPerKWh: Array(carbon.prefix(steps)), dieselRatingFactor: Array(rating.prefix(steps)),
            initialEnergyKWh: start.energyKWh, capacityKWh: start.capacityKWh, initialUnits: units, endAtLeastStart: endFloorKWh == nil)
        horizon.energyFloor = endFloorKWh.map { (steps - 1, $0) }
        horizon.gridPricePerKWh = Array(Array(repeating: inputs.gridPricePerKWh, count: years.count).joined().prefix(steps))
        horizon.gridExportPricePerKWh = Array(Array(repeating: inputs.gridExportPricePerKWh, count: years.count).joined().prefix(steps))
        if let grid = scenario.connectedGrid, grid.demandChargePerKWMonth > 0 {
            var demand = DemandCharges(years: years.count, months: BillingMonths(simulation: inputs.axis), stepsPerYear: inputs.axis.stepsPerYear,
                                       chargePerKW: grid.demandChargePerKWMonth)
            demand.periodOfStep = Array(demand.periodOfStep.prefix(steps))
            horizon.demandCharges = demand
        }
        horizon.compute = inputs.compute.map { ComputeHorizon(wholeRun: $0, scenario: scenario, axis: inputs.axis) }
        let solver = scenario.solver
        return try DispatchProblem(scenario: plant ?? scenario, integerCommitment: scenario.dispatch.commitment == .whole,
                                   timeLimitSeconds: solver.timeLimitSeconds, relativeGap: solver.mipGap).solve(horizon)
    }

    /// Plans the year that starts at `context`'s step from the plant as it is; a year whose LP fails
    /// is run by the rule-based EMS.
    private mutating func planYear(at context: DispatchContext) {
        guard let yearly else { return }
        let perYear = yearly.inputs.axis.stepsPerYear
        planStart = context.step
        let start = (energyKWh: context.battery?.energyKWh ?? 0, capacityKWh: context.battery?.capacityKWh ?? 0)
        do {
            plan = try Self.year(context.step / perYear, of: yearly.scenario, inputs: yearly.inputs, lookaheadSteps: yearly.lookaheadSteps,
                                 start: start, units: context.fleet?.runningUnits ?? 0)
            if let gap = plan.relativeGap { largestRelativeGap = max(largestRelativeGap ?? 0, gap) }
        } catch {
            plan = DispatchPlan(pvKW: [], chargeKW: [], dischargeKW: [], energyKWh: [], dieselKW: [], dieselUnits: [], importKW: [],
                                exportKW: [], unservedKW: [], cost: 0, solveSeconds: 0, warmStart: nil)
            fallbackYears += 1
        }
    }

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        if yearly != nil, context.step > planStart, context.step % yearly!.inputs.axis.stepsPerYear == 0 { planYear(at: context) }
        let offset = context.step - planStart
        guard offset < plan.pvKW.count else { return fallback.decide(context) }
        let setpoints = PlantSetpoints(plan: plan, step: offset, unitKW: unitKW)
        guard let state = context.compute, offset < plan.batchKW.count else {
            return PlanFollower.decision(following: setpoints, in: context)
        }
        let cap = state.trainingKW > 0 ? plan.trainingKW[offset] / state.trainingKW : 1
        let choice = state.allowed(ComputeChoice(batchKW: plan.batchKW[offset], trainingCap: cap))
        var planned = context
        planned.loadKW = state.facilityKW(choice)
        var decision = PlanFollower.decision(following: setpoints, in: planned)
        decision.compute = choice
        return decision
    }
}
