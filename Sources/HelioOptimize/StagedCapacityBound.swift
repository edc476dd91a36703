/// The staged capacity-expansion LP's answer (``StagedCapacityExpansion``): the plant installed by
/// each stage (continuous), the NPC it reaches with perfect-foresight dispatch, a lower bound on any
/// staged design's NPC under the same cost model, and each span's intensity.
public struct StagedCapacityBound: Sendable, Equatable, Codable {
    /// Stage years, from 1.
    public var stageYears: [Int]
    /// Installed by each stage: PV kWdc, battery kWh and kW, gensets (continuous).
    public var pvKW, batteryKWh, batteryKW, dieselUnits: [Double]
    /// The LP's objective (NPC), currency.
    public var objective: Double
    /// Each span's first year and its intensity in the LP's dispatch, gCO₂e/kWh.
    public var spanFirstYears: [Int]
    public var spanIntensityGPerKWh: [Double]
    /// Solver time, seconds.
    public var solveSeconds: Double

    enum CodingKeys: String, CodingKey {
        case stageYears = "stage_years", pvKW = "pv_kw", batteryKWh = "battery_kwh", batteryKW = "battery_kw", dieselUnits = "diesel_units"
        case objective = "npc", spanFirstYears = "span_first_years", spanIntensityGPerKWh = "span_intensity_g_per_kwh", solveSeconds = "solve_seconds"
    }
}
