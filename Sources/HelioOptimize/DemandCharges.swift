import HelioGrid

/// Monthly demand charges over a dispatch horizon (docs/grid.md): each step belongs to a billing
/// period (a calendar month); the program carries each period's peak import as a variable P_p ≥ the
/// peak already set in it, with import_t ≤ P_p for its steps, and charges `chargePerKW` × P_p — the
/// demand-charge formulation of NREL's REopt (Cutler et al., NREL/TP-7A40-70022, 2017, §
/// "Utility tariff"; a month's charge counted once however many of its steps the horizon covers).
public struct DemandCharges: Sendable, Equatable {
    /// Billing period of each horizon step (index into ``floorKW``).
    public var periodOfStep: [Int]
    /// Peak import already set in each period before the horizon, kW (0 for a new period).
    public var floorKW: [Double]
    /// Charge per kW of a period's peak, currency.
    public var chargePerKW: Double

    /// Periods for steps in `periodOfStep` with their existing peaks `floorKW`.
    public init(periodOfStep: [Int], floorKW: [Double], chargePerKW: Double) {
        self.periodOfStep = periodOfStep
        self.floorKW = floorKW
        self.chargePerKW = chargePerKW
    }

    /// The calendar months of `years` years of a simulation's steps (`months`, ``BillingMonths/init(simulation:)``),
    /// each a new period with no peak yet.
    public init(years: Int, months: BillingMonths, stepsPerYear: Int, chargePerKW: Double) {
        let periods = (0..<(years * stepsPerYear)).map(months.month(ofStep:))
        self.init(periodOfStep: periods, floorKW: Array(repeating: 0, count: years * 12), chargePerKW: chargePerKW)
    }
}
