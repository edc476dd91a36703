import HelioGrid
import HelioOptimize

/// The dispatch strategy on live telemetry: builds the strategy's view of the plant from a reading
/// (the battery at its measured state of charge when online, the genset fleet as commanded so far)
/// and turns its decision into setpoints. The strategy itself comes from ``StrategyFactory/live(_:inputs:)``.
/// On a grid it also gives the strategy the tariff's ``GridSignal`` at the plant clock (the price
/// class of the step of the modelled year, the month's peak import so far from the setpoints sent),
/// as the simulation does (docs/grid.md).
struct LiveStrategy: Sendable {
    private let plant: PlantModel
    private var strategy: any DispatchStrategy
    private var fleet: GensetFleet?
    private let inputs: SimulationInputs
    private let priceClasses: [GridSignal.PriceClass]
    private let months: BillingMonths
    private let demandCharged: Bool
    /// The plant clock's month (hours from the epoch) and its peak import so far, kW.
    private var monthPeak = (month: Int.min, kW: 0.0)

    /// The live form of `strategy` on `scenario`'s plant; the gensets' derating is read from
    /// `inputs`' modelled year at the plant clock's time of year.
    init(scenario: Scenario, inputs: SimulationInputs, strategy: any DispatchStrategy) {
        plant = PlantModel(scenario: scenario)
        self.inputs = inputs
        self.strategy = strategy
        fleet = plant.makeFleet()
        priceClasses = inputs.gridPricePerKWh.isEmpty ? []
            : GridSignal.priceClasses(inputs.gridPricePerKWh, stepsPerDay: max(1, 1440 / inputs.axis.stepMinutes), battery: scenario.battery)
        months = BillingMonths(liveStepHours: 1, utcOffsetMinutes: inputs.axis.utcOffsetMinutes)
        demandCharged = (scenario.connectedGrid?.demandChargePerKWMonth ?? 0) > 0
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
        var context = DispatchContext(step: tick, stepHours: hours, timeHours: Double(nowMS) / 3_600_000, loadKW: reading.loadKW,
                                      pvAvailableKW: reading.pvAvailableKW, battery: battery, fleet: fleet, grid: plant.grid)
        let month = months.month(ofStep: Int((Double(nowMS) / 3_600_000).rounded(.down)))
        if month != monthPeak.month { monthPeak = (month, 0) }
        if let grid = plant.grid, !priceClasses.isEmpty {
            let step = inputs.axis.stepIndex(unixMS: nowMS), prices = inputs.gridPrices(at: step, grid: grid)
            context.gridSignal = GridSignal(priceClass: priceClasses[step], monthPeakKW: monthPeak.kW, demandCharged: demandCharged,
                                            importPricePerKWh: prices.importPerKWh, exportPricePerKWh: prices.exportPerKWh)
        }
        let decision = strategy.decide(context)
        monthPeak.kW = max(monthPeak.kW, decision.gridKW)
        commit(units: decision.dieselUnits, tick: tick, hours: hours)
        return (PlantSetpoints(decision: decision, pvRatingKW: plant.pvRatingKW), DecisionReason.explain(decision, context))
    }

    /// Records `units` gensets commanded for interval `tick` (also in safe mode), so minimum run
    /// times carry across.
    mutating func commit(units: Int, tick: Int, hours: Double) {
        fleet?.commit(units: units, step: tick, stepHours: hours)
    }
}
