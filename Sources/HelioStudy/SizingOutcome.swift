import HelioGrid

/// A design as the study judged it: its lifetime economics and energy figures from a run simulated
/// over the project's years (over all of them and in the worst one),
/// whether it meets every limit of `[size]` (and if not, the first it breaks), and its objective under
/// every sensitivity case.
public struct SizingOutcome: Sendable, Equatable {
    /// The design.
    public var design: SizingDesign
    /// Net present cost over the project.
    public var npc: Double
    /// Levelised cost per kWh served.
    public var lcoePerKWh: Double
    /// Up-front capital cost.
    public var capex: Double
    /// Carbon intensity of the energy served, gCO₂e/kWh (location-based).
    public var intensityGPerKWh: Double
    /// Renewable share of the energy served.
    public var renewableFraction: Double
    /// Unserved energy over the simulated years, kWh.
    public var unservedKWh: Double
    /// Unserved energy over demand.
    public var unservedFraction: Double
    /// Fuel burnt over the simulated years, L.
    public var fuelL: Double
    /// Emissions over the project, tCO₂e (the simulated years, the last one repeated to the horizon).
    public var lifetimeEmissionsT: Double
    /// Loss-of-load expectation from the design's reliability Monte Carlo, h/yr (`nil` unless `[size]` limits it).
    public var loleHoursPerYear: Double?
    /// Expected energy not served from the same Monte Carlo, MWh/yr (`nil` unless `[size]` limits it).
    public var eensMWhPerYear: Double?
    /// The worst simulated year's carbon intensity, gCO₂e/kWh.
    public var worstYearIntensityGPerKWh: Double
    /// The worst simulated year's renewable share.
    public var worstYearRenewableFraction: Double
    /// The worst simulated year's unserved energy over demand.
    public var worstYearUnservedFraction: Double
    /// The strategy the design was simulated with (the screening one unless it was verified).
    public var dispatch: DispatchConfig.Strategy
    /// Days the gensets averaged above the prime limit (``GensetDutyCheck``; 0 unless prime-rated).
    public var daysOverPrimeLimit = 0
    /// Mean run hours per genset per simulated year.
    public var runHoursPerUnitYear = 0.0
    /// The design's first year over the sizing ensemble's weather years (`nil` without `[size] limit_probability`).
    public var ensemble: SizingEnsembleFigures?
    /// Whether every limit holds.
    public var feasible: Bool
    /// The first limit broken (`""` when feasible).
    public var violation: String
    /// The objective under each sensitivity case, in the study's case order (the first is the base case).
    public var caseObjectives: [Double]

    /// Creates an outcome; see the properties for units. `worstYear` defaults to the figures over the
    /// run (a one-year run).
    public init(design: SizingDesign, npc: Double, lcoePerKWh: Double, capex: Double, intensityGPerKWh: Double, renewableFraction: Double,
                unservedKWh: Double, unservedFraction: Double, fuelL: Double, lifetimeEmissionsT: Double, loleHoursPerYear: Double? = nil,
                eensMWhPerYear: Double? = nil, worstYear: (intensityGPerKWh: Double, renewableFraction: Double, unservedFraction: Double)? = nil,
                dispatch: DispatchConfig.Strategy = .rule, feasible: Bool, violation: String, caseObjectives: [Double]) {
        self.dispatch = dispatch
        self.design = design
        self.npc = npc
        self.lcoePerKWh = lcoePerKWh
        self.capex = capex
        self.intensityGPerKWh = intensityGPerKWh
        self.renewableFraction = renewableFraction
        self.unservedKWh = unservedKWh
        self.unservedFraction = unservedFraction
        self.fuelL = fuelL
        self.lifetimeEmissionsT = lifetimeEmissionsT
        self.loleHoursPerYear = loleHoursPerYear
        self.eensMWhPerYear = eensMWhPerYear
        worstYearIntensityGPerKWh = worstYear?.intensityGPerKWh ?? intensityGPerKWh
        worstYearRenewableFraction = worstYear?.renewableFraction ?? renewableFraction
        worstYearUnservedFraction = worstYear?.unservedFraction ?? unservedFraction
        self.feasible = feasible
        self.violation = violation
        self.caseObjectives = caseObjectives
    }

    /// `design`'s figures from its run `result` priced as `economics`, not yet judged against the
    /// limits (``judged(by:redundantKW:peakLoadKW:rating:)``): over the run and in its worst year.
    init(design: SizingDesign, result: SimulationResult, economics: LifetimeEconomics, lifetimeEmissionsT: Double, caseObjectives: [Double],
         reliability: (lole: Double, eens: Double)? = nil) {
        let totals = result.totals
        let unservedFraction = totals.loadKWh > 0 ? totals.unservedKWh / totals.loadKWh : 0
        let worstYear = (intensityGPerKWh: result.yearly.map(\.intensityGPerKWh).max() ?? 0,
                         renewableFraction: result.yearly.map(\.renewableFraction).min() ?? 0,
                         unservedFraction: result.yearly.map { $0.loadKWh > 0 ? $0.unservedKWh / $0.loadKWh : 0 }.max() ?? 0)
        self.init(
            design: design, npc: economics.npc, lcoePerKWh: economics.lcoePerKWh, capex: economics.capex,
            intensityGPerKWh: totals.intensityGPerKWh, renewableFraction: totals.renewableFraction, unservedKWh: totals.unservedKWh,
            unservedFraction: unservedFraction, fuelL: totals.fuelL, lifetimeEmissionsT: lifetimeEmissionsT,
            loleHoursPerYear: reliability?.lole, eensMWhPerYear: reliability?.eens, worstYear: worstYear, feasible: false, violation: "",
            caseObjectives: caseObjectives)
    }

    /// A run's emissions over the project's years, tCO₂e: each simulated year's, the last repeated past the run.
    static func lifetimeEmissionsT(_ result: SimulationResult, projectYears: Int) -> Double {
        (1...projectYears).reduce(0.0) { $0 + result.yearly[min($1, result.yearly.count) - 1].emissionsKgCO2e } / 1000
    }

    /// The objective of the base case.
    public var objective: Double { caseObjectives[0] }
}
