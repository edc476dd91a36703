import Foundation
import HelioGrid

/// Perfect-foresight dispatch: one LP over the whole simulated period with the true load and PV
/// (commitment relaxed, as a year is too long for a MILP), stored energy at the end no lower than
/// at the start. The plant then follows the plan step by step (``PlanFollower`` rounds relaxed
/// commitment to whole units). It is the lower bound other strategies are compared with. In flexible
/// operation (`[dispatch] compute = "flexible"`) the LP also plans the GPU work (``ComputeHorizon``):
/// batch work within its deadlines and training caps, which the plant then runs.
public struct OptimalDispatch: DispatchStrategy {
    /// The plan over every step of the run.
    public let plan: DispatchPlan
    private let unitKW: Double

    public var kind: DispatchConfig.Strategy { .optimal }

    /// Longest run planned in one LP, steps (a year at 15 minutes, about 350,000 variables).
    public static let maximumSteps = 35_040

    /// Plans `scenario` over all its years on `inputs` (PV degraded and replaced per year as the
    /// engine does, ``ComponentLives``; battery capacity at nameplate).
    public init(scenario: Scenario, inputs: SimulationInputs) throws {
        let years = scenario.site.years
        guard inputs.axis.stepsPerYear * years <= Self.maximumSteps else {
            throw HelioError(.usage,
                             "perfect-foresight dispatch plans at most \(Self.maximumSteps) steps in one LP (a year at 15 minutes); this run has \(inputs.axis.stepsPerYear * years): use a coarser --timestep or fewer years",
                             file: scenario.source, key: "dispatch.strategy")
        }
        let (load, pv, carbon, rating) = inputs.wholeRun(scenario)
        let battery = scenario.battery
        var horizon = DispatchHorizon(
            stepHours: inputs.axis.stepHours, loadKW: load, pvAvailableKW: pv, gridCarbonGPerKWh: carbon, dieselRatingFactor: rating,
            initialEnergyKWh: battery.map { $0.energyKWh * $0.socInitial } ?? 0, capacityKWh: battery?.energyKWh ?? 0)
        horizon.gridPricePerKWh = Array(repeating: inputs.gridPricePerKWh, count: years).flatMap { $0 }
        horizon.gridExportPricePerKWh = Array(repeating: inputs.gridExportPricePerKWh, count: years).flatMap { $0 }
        if let grid = scenario.connectedGrid, grid.demandChargePerKWMonth > 0 {
            horizon.demandCharges = DemandCharges(years: years, months: BillingMonths(simulation: inputs.axis), stepsPerYear: inputs.axis.stepsPerYear,
                                                  chargePerKW: grid.demandChargePerKWMonth)
        }
        horizon.compute = inputs.compute.map { ComputeHorizon(wholeRun: $0, scenario: scenario, axis: inputs.axis) }
        plan = try DispatchProblem(scenario: scenario, integerCommitment: false).solve(horizon)
        unitKW = scenario.diesel?.unitKW ?? 0
    }

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        let setpoints = PlantSetpoints(plan: plan, step: context.step, unitKW: unitKW)
        guard let state = context.compute, context.step < plan.batchKW.count else {
            return PlanFollower.decision(following: setpoints, in: context)
        }
        let cap = state.trainingKW > 0 ? plan.trainingKW[context.step] / state.trainingKW : 1
        let choice = state.allowed(ComputeChoice(batchKW: plan.batchKW[context.step], trainingCap: cap))
        var planned = context
        planned.loadKW = state.facilityKW(choice)
        var decision = PlanFollower.decision(following: setpoints, in: planned)
        decision.compute = choice
        return decision
    }
}
