import HelioGrid

/// What a dispatch optimisation plans over: demand and PV per step and the plant's starting state.
public struct DispatchHorizon: Sendable {
    /// Step length, hours (of the plan steps; see ``blockHours`` for the look-ahead after them).
    public var stepHours: Double
    /// Lengths of coarse look-ahead blocks after the plan steps, hours: the last `blockHours.count`
    /// entries of the per-step arrays are these blocks (their means). Empty for none.
    public var blockHours: [Double]
    /// Facility demand per step, kW.
    public var loadKW: [Double]
    /// PV available per step, kW.
    public var pvAvailableKW: [Double]
    /// Grid emission factor per step, gCO₂e/kWh (empty without a grid).
    public var gridCarbonGPerKWh: [Double]
    /// Import price per step, currency/kWh (empty: the scenario's `price_per_kwh`).
    public var gridPricePerKWh: [Double] = []
    /// Export price per step, currency/kWh (empty: the scenario's `export_price_per_kwh`).
    public var gridExportPricePerKWh: [Double] = []
    /// Monthly demand charges on imports (`nil`: none).
    public var demandCharges: DemandCharges?
    /// Share of their rating the gensets can deliver per step (ambient and altitude derating); empty for 1.
    public var dieselRatingFactor: [Double]
    /// Battery energy at the start, kWh.
    public var initialEnergyKWh: Double
    /// Battery capacity over the horizon, kWh.
    public var capacityKWh: Double
    /// Gensets running just before the horizon.
    public var initialUnits: Int
    /// Units that must keep running at each of the first steps (minimum run time carried in).
    public var initialMustRun: [Int]
    /// Whether the stored energy at the end must be at least the starting energy (perfect foresight).
    public var endAtLeastStart: Bool
    /// Spare battery discharge power kept at every plan step against forecast error, kW (and the
    /// energy to deliver it for one step).
    public var forecastReserveKW = 0.0
    /// Flexible GPU work to plan with the plant (`nil`: the load is given); ``loadKW`` is then the
    /// facility power of rigid operation (the bound on unserved demand and the contingency reserve).
    public var compute: ComputeHorizon?

    /// Creates a horizon; see the properties for units.
    public init(stepHours: Double, loadKW: [Double], pvAvailableKW: [Double], gridCarbonGPerKWh: [Double] = [],
                dieselRatingFactor: [Double] = [], initialEnergyKWh: Double, capacityKWh: Double, initialUnits: Int = 0, initialMustRun: [Int] = [],
                endAtLeastStart: Bool = true, blockHours: [Double] = []) {
        self.stepHours = stepHours
        self.blockHours = blockHours
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
        self.gridCarbonGPerKWh = gridCarbonGPerKWh
        self.dieselRatingFactor = dieselRatingFactor
        self.initialEnergyKWh = initialEnergyKWh
        self.capacityKWh = capacityKWh
        self.initialUnits = initialUnits
        self.initialMustRun = initialMustRun
        self.endAtLeastStart = endAtLeastStart
    }

    /// The present calendar day of a prime-rated fleet's duty (ISO 8528-1's 24-hour average): plan
    /// steps left in it, and the genset energy and running units' rated energy it has had so far, kWh.
    /// `nil`: the horizon starts a day.
    public var primeDay: (stepsLeft: Int, dieselKWh: Double, ratedKWh: Double)?

    /// A floor on stored energy at the end of one plan step (the step's index, kWh): where a run ends
    /// inside the horizon, the energy it must end with.
    public var energyFloor: (step: Int, kWh: Double)?

    /// Number of steps, plan steps and look-ahead blocks.
    public var count: Int { loadKW.count }

    /// Number of plan steps (before the look-ahead blocks).
    public var planSteps: Int { count - blockHours.count }

    /// Length of step `t`, hours.
    @inline(__always)
    public func hours(at t: Int) -> Double {
        t < planSteps ? stepHours : blockHours[t - planSteps]
    }
}
