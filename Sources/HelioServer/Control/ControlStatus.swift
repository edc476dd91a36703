import HelioGrid

/// What `/v1/status` and the live stream report: mode, the last reading and setpoints, gensets,
/// alarms and the carbon intensity now and today.
public struct ControlStatus: Sendable, Equatable, Codable {
    /// One open alarm.
    public struct Alarm: Sendable, Equatable, Codable {
        /// Kind (`telemetry`, `genset-start-failure`, `battery-offline`, `unserved-load`).
        public var kind: String
        /// What happened.
        public var message: String
        /// Raised at, Unix ms.
        public var raisedMS: Int64
        enum CodingKeys: String, CodingKey { case kind, message, raisedMS = "raised_ms" }
    }

    /// Plant clock, Unix ms.
    public var timestampMS: Int64
    /// Operating mode.
    public var mode: OperatingMode
    /// Plant adapter (`simulated`, `modbus`).
    public var plant: String
    /// Dispatch strategy in auto mode.
    public var strategy: DispatchConfig.Strategy
    /// Last valid reading, if any.
    public var telemetry: PlantTelemetry?
    /// Last setpoints sent.
    public var setpoints: PlantSetpoints?
    /// Why.
    public var reason: String
    /// Gensets in the fleet.
    public var gensetUnits: Int
    /// The operator override in force, if any.
    public var override: OperatorOverride?
    /// Intensity of the power used in the last interval, gCO₂e/kWh.
    public var intensityNowGPerKWh: Double
    /// Intensity of the power used since local midnight (plant clock), gCO₂e/kWh.
    public var intensityTodayGPerKWh: Double
    /// Open alarms.
    public var alarms: [Alarm]
    /// Control intervals run since the service started.
    public var ticks: Int
    /// The plant's standard-time offset from UTC, minutes (the dashboard's clock and time axes).
    public var utcOffsetMinutes: Int

    enum CodingKeys: String, CodingKey {
        case mode, plant, strategy, telemetry, setpoints, reason, override, alarms, ticks
        case timestampMS = "timestamp_ms", gensetUnits = "genset_units", intensityNowGPerKWh = "intensity_now_g_per_kwh"
        case intensityTodayGPerKWh = "intensity_today_g_per_kwh", utcOffsetMinutes = "utc_offset_minutes"
    }
}
