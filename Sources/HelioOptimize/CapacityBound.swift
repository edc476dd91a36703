/// The capacity-expansion LP's answer (``CapacityExpansion``): continuous sizes and the objective
/// they reach with perfect-foresight dispatch, a lower bound on what any design of the same kind
/// can cost under the LP's cost model.
public struct CapacityBound: Sendable, Equatable, Codable {
    /// PV, kWdc.
    public var pvKW: Double
    /// Battery energy, kWh.
    public var batteryKWh: Double
    /// Battery power, kW.
    public var batteryKW: Double
    /// Gensets (continuous).
    public var dieselUnits: Double
    /// The LP's objective (NPC), currency.
    public var objective: Double
    /// Carbon intensity of the LP's dispatch, gCO₂e/kWh.
    public var intensityGPerKWh: Double
    /// Solver time, seconds.
    public var solveSeconds: Double

    enum CodingKeys: String, CodingKey {
        case pvKW = "pv_kw", batteryKWh = "battery_kwh", batteryKW = "battery_kw", dieselUnits = "diesel_units"
        case objective = "npc", intensityGPerKWh = "intensity_g_per_kwh", solveSeconds = "solve_seconds"
    }
}
