/// One reading of the plant's meters, as an adapter reports it: powers in kW at the bus (the sign
/// conventions of `steps.csv`: battery positive discharging, grid positive importing).
public struct PlantTelemetry: Sendable, Equatable, Codable {
    /// When it was measured, Unix milliseconds (plant clock).
    public var timestampMS: Int64
    /// Facility demand, kW.
    public var loadKW: Double
    /// PV power available before curtailment, kW.
    public var pvAvailableKW: Double
    /// PV power delivered, kW.
    public var pvKW: Double
    /// Battery power, kW (positive discharging).
    public var batteryKW: Double
    /// Battery state of charge, fraction of present capacity.
    public var soc: Double
    /// Genset output, kW.
    public var dieselKW: Double
    /// Gensets running.
    public var dieselUnits: Int
    /// Grid power, kW (positive importing).
    public var gridKW: Double
    /// Demand not served, kW.
    public var unservedKW: Double
    /// Whether the battery strings are online (a tripped battery reports false).
    public var batteryOnline: Bool

    enum CodingKeys: String, CodingKey {
        case soc
        case timestampMS = "timestamp_ms", loadKW = "load_kw", pvAvailableKW = "pv_available_kw", pvKW = "pv_kw"
        case batteryKW = "battery_kw", dieselKW = "diesel_kw", dieselUnits = "diesel_units", gridKW = "grid_kw"
        case unservedKW = "unserved_kw", batteryOnline = "battery_online"
    }

    /// Creates a reading; see the properties for units.
    public init(timestampMS: Int64, loadKW: Double, pvAvailableKW: Double, pvKW: Double, batteryKW: Double, soc: Double,
                dieselKW: Double, dieselUnits: Int, gridKW: Double, unservedKW: Double, batteryOnline: Bool = true) {
        self.timestampMS = timestampMS
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
        self.pvKW = pvKW
        self.batteryKW = batteryKW
        self.soc = soc
        self.dieselKW = dieselKW
        self.dieselUnits = dieselUnits
        self.gridKW = gridKW
        self.unservedKW = unservedKW
        self.batteryOnline = batteryOnline
    }
}
