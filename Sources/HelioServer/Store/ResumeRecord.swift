import GRDB

/// What a restarted service resumes from, as the single row of the `resume` table (GRDB's advice
/// for singletons: one row, id fixed at 1, replaced each interval): the plant clock, the battery's
/// state of charge, whether an operator holds safe mode, and the battery carbon pool.
public struct ResumeRecord: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "resume"
    /// Always 1: the table holds one row.
    var id = 1
    /// Plant clock of the next interval, Unix ms.
    public var plantMS: Int64
    /// Battery state of charge at the last reading, fraction (`nil` before any reading).
    public var soc: Double?
    /// Whether an operator asked for safe mode (held until `auto` is asked).
    public var forcedSafe: Bool
    /// The battery carbon pool: stored energy (kWh), its carbon (kgCO₂e) and its fossil energy (kWh).
    public var poolEnergyKWh, poolCarbonKg, poolFossilKWh: Double
    /// Plant time of the last valid reading, Unix ms (`nil` before any): the start of the interval the
    /// first reading after a restart meters.
    public var lastReadingMS: Int64?

    enum CodingKeys: String, CodingKey {
        case id, soc
        case plantMS = "plant_ms", forcedSafe = "forced_safe", poolEnergyKWh = "pool_energy_kwh"
        case poolCarbonKg = "pool_carbon_kg", poolFossilKWh = "pool_fossil_kwh", lastReadingMS = "last_reading_ms"
    }

    /// A resume point; see the properties for units.
    public init(plantMS: Int64, soc: Double?, forcedSafe: Bool, poolEnergyKWh: Double, poolCarbonKg: Double, poolFossilKWh: Double,
                lastReadingMS: Int64?) {
        self.lastReadingMS = lastReadingMS
        self.plantMS = plantMS
        self.soc = soc
        self.forcedSafe = forcedSafe
        self.poolEnergyKWh = poolEnergyKWh
        self.poolCarbonKg = poolCarbonKg
        self.poolFossilKWh = poolFossilKWh
    }
}
