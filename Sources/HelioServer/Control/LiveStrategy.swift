import HelioGrid
import HelioOptimize

/// The dispatch strategy on live telemetry: builds the strategy's view of the plant from a reading
/// (the battery at its measured state of charge when online, the genset fleet as commanded so far)
/// and turns its decision into setpoints. The strategy itself comes from ``StrategyFactory/live(_:inputs:weather:)``.
/// On a grid it also gives the strategy the ``GridTariff``'s ``GridSignal`` at the plant clock (the
/// price class of the step of the modelled year, the billing month's peak import so far from the
/// setpoints sent), as the simulation does (docs/grid.md). A value: the forward plan steps a copy.
struct LiveStrategy: Sendable {
    private let plant: PlantModel
    private var strategy: any DispatchStrategy
    private var fleet: GensetFleet?
    private let inputs: SimulationInputs
    /// The tariff on clock hours (`nil` without a grid).
    private var tariff: GridTariff?

    /// The live form of `strategy` on `scenario`'s plant; the gensets' derating is read from
    /// `inputs`' modelled year at the plant clock's time of year.
    init(scenario: Scenario, inputs: SimulationInputs, strategy: any DispatchStrategy) {
        plant = PlantModel(scenario: scenario)
        self.inputs = inputs
        self.strategy = strategy
        fleet = plant.makeFleet()
        tariff = scenario.connectedGrid.map {
            GridTariff(grid: $0, inputs: inputs, battery: scenario.battery,
                       months: BillingMonths(liveStepHours: 1, utcOffsetMinutes: inputs.axis.utcOffsetMinutes))
        }
    }

    /// Which strategy it runs.
    var kind: DispatchConfig.Strategy { strategy.kind }

    /// MPC plans solved so far (0 for other strategies).
    var replans: Int { (strategy as? MPCDispatch)?.replans ?? 0 }

    /// Decides interval `tick` (lasting `hours`, starting at plant time `time`) on `reading`: the
    /// strategy's decision, its setpoints, and the context it saw (for ``DecisionReason``). The
    /// control loop and the forward plan (``ForwardPlan``) both decide through here.
    mutating func decide(_ reading: PlantTelemetry, tick: Int, hours: Double, at time: PlantTime)
        -> (setpoints: PlantSetpoints, decision: DispatchDecision, context: DispatchContext) {
        let battery = reading.batteryOnline ? plant.makeBattery(soc: reading.soc) : nil
        let step = inputs.axis.stepIndex(at: time)
        let ratingFactor = inputs.gensetRatingFactor(at: step)
        fleet?.derate(to: ratingFactor)
        var context = DispatchContext(step: tick, stepHours: hours, timeHours: time.hoursSinceEpoch, loadKW: reading.loadKW,
                                      pvAvailableKW: reading.pvAvailableKW, battery: battery, fleet: fleet, grid: plant.grid)
        let month = tariff?.months.month(ofStep: time.hourIndex) ?? 0
        context.gridSignal = tariff?.signal(atStepOfYear: step, month: month)
        let decision = strategy.decide(context)
        tariff?.recordImport(decision.gridKW, month: month)
        commit(units: decision.dieselUnits, tick: tick, hours: hours)
        return (PlantSetpoints(decision: decision, pvRatingKW: plant.pvRatingKW), decision, context)
    }

    /// Records `units` gensets commanded for interval `tick` (also in safe mode), so minimum run
    /// times carry across.
    mutating func commit(units: Int, tick: Int, hours: Double) {
        fleet?.commit(units: units, step: tick, stepHours: hours)
    }
}
