import HelioGrid

/// One weather year of an ensemble, simulated over the project's years as `simulate` does with
/// that year's file: the first year's energy figures, the life's economics, the year's worst week.
public struct EnsembleMember: Sendable, Equatable, Codable {
    /// Position in the ensemble (from 0).
    public var index: Int
    /// The weather year's name (file name, or `synthetic N`).
    public var label: String
    /// Global horizontal irradiation of the weather year, kWh/m².
    public var ghiKWhM2: Double
    /// The first year's PV energy available, kWh.
    public var pvAvailableKWh: Double
    /// The first year's renewable fraction of the energy served.
    public var renewableFraction: Double
    /// The first year's fuel, litres.
    public var fuelL: Double
    /// The first year's genset energy, kWh.
    public var dieselKWh: Double
    /// The first year's carbon intensity of the energy served (Scope 1 + 2, location-based), gCO₂e/kWh.
    public var intensityGPerKWh: Double
    /// The first year's load not served, kWh.
    public var unservedKWh: Double
    /// The first year's hours with load not served.
    public var lossOfLoadHours: Double
    /// PV energy available per kWdc installed in the first year, kWh/kWp (0 without PV).
    public var pvYieldKWhPerKWp: Double
    /// Net present cost over the project, currency.
    public var npc: Double
    /// Levelised cost of the energy served, currency/kWh.
    public var lcoePerKWh: Double
    /// The first year's worst week.
    public var worstWeek: WorstWeek

    /// A member from its first year's totals; see the properties.
    public init(index: Int, label: String, ghiKWhM2: Double, firstYear: EnergyTotals, pvYieldKWhPerKWp: Double, npc: Double,
                lcoePerKWh: Double, worstWeek: WorstWeek) {
        (self.index, self.label, self.ghiKWhM2, self.pvYieldKWhPerKWp) = (index, label, ghiKWhM2, pvYieldKWhPerKWp)
        (pvAvailableKWh, renewableFraction, fuelL) = (firstYear.pvAvailableKWh, firstYear.renewableFraction, firstYear.fuelL)
        (dieselKWh, intensityGPerKWh) = (firstYear.dieselKWh, firstYear.intensityGPerKWh)
        (unservedKWh, lossOfLoadHours) = (firstYear.unservedKWh, firstYear.lossOfLoadHours)
        (self.npc, self.lcoePerKWh, self.worstWeek) = (npc, lcoePerKWh, worstWeek)
    }
}
