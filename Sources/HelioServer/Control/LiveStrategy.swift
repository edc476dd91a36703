import HelioGrid
import HelioOptimize

/// The dispatch strategy on live telemetry: builds the strategy's view of the plant from a reading
/// (the battery at its measured state of charge when online, the genset fleet as commanded so far)
/// and turns its decision into setpoints. The strategy itself comes from ``StrategyFactory/live(_:inputs:)``.
struct LiveStrategy: Sendable {
    private let plant: PlantModel
    private var strategy: any DispatchStrategy
    private var fleet: GensetFleet?
    private let inputs: SimulationInputs

    /// The live form of `strategy` on `scenario`'s plant; the gensets' derating is read from
    /// `inputs`' modelled year at the plant clock's time of year.
    init(scenario: Scenario, inputs: SimulationInputs, strategy: any DispatchStrategy) {
        plant = PlantModel(scenario: scenario)
        self.inputs = inputs
        self.strategy = strategy
        fleet = plant.makeFleet()
    }

    /// The strategy's name (`rule`, `mpc`).
    var name: String { strategy.name }

    /// The MPC's latest plan (`nil` for other strategies and before the first plan).
    var mpcPlan: MPCPlanView? { (strategy as? MPCDispatch)?.planView }

    /// MPC plans solved so far (0 for other strategies).
    var replans: Int { (strategy as? MPCDispatch)?.replans ?? 0 }

    /// Decides interval `tick` (lasting `hours`, starting at `nowMS` of plant time) on `reading`.
    mutating func decide(_ reading: PlantTelemetry, tick: Int, hours: Double, nowMS: Int64)
        -> (setpoints: PlantSetpoints, reason: String) {
        let battery = reading.batteryOnline ? plant.makeBattery(soc: reading.soc) : nil
        let ratingFactor = inputs.gensetRatingFactor(at: inputs.axis.stepIndex(unixMS: nowMS))
        fleet?.derate(to: ratingFactor)
        let context = DispatchContext(step: tick, stepHours: hours, timeHours: Double(nowMS) / 3_600_000, loadKW: reading.loadKW,
                                      pvAvailableKW: reading.pvAvailableKW, battery: battery, fleet: fleet, grid: plant.grid)
        let decision = strategy.decide(context)
        commit(units: decision.dieselUnits, tick: tick, hours: hours)
        return (PlantSetpoints(decision: decision, pvRatingKW: plant.pvRatingKW), DecisionReason.explain(decision, context))
    }

    /// Records `units` gensets commanded for interval `tick` (also in safe mode), so minimum run
    /// times carry across.
    mutating func commit(units: Int, tick: Int, hours: Double) {
        fleet?.commit(units: units, step: tick, stepHours: hours)
    }
}
