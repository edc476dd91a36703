import HelioGrid
import GRDB

/// One control decision with its reason (the audit trail): the mode, who decided, and the setpoints sent.
public struct DecisionEntry: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "decisions"
    /// When it was decided, Unix ms (plant clock).
    public var timestampMS: Int64
    /// Operating mode (`auto`, `manual`, `safe`).
    public var mode: String
    /// Who decided the setpoints: a ``DecisionSource``'s label (`rule`, `mpc`, …, `operator`, `safe-mode`).
    public var source: String
    /// Why, in plain words.
    public var reason: String
    /// Setpoints sent.
    public var pvLimitKW, batteryKW: Double
    /// Gensets to run.
    public var dieselUnits: Int
    /// Genset output and grid power, kW.
    public var dieselKW, gridKW: Double

    enum CodingKeys: String, CodingKey {
        case mode, source, reason
        case timestampMS = "ts_ms", pvLimitKW = "pv_limit_kw", batteryKW = "battery_kw", dieselUnits = "diesel_units"
        case dieselKW = "diesel_kw", gridKW = "grid_kw"
    }

    /// The setpoints of this decision.
    public var setpoints: PlantSetpoints {
        PlantSetpoints(pvLimitKW: pvLimitKW, batteryKW: batteryKW, dieselUnits: dieselUnits, dieselKW: dieselKW, gridKW: gridKW)
    }
}
