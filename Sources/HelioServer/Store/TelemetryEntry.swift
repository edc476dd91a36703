import GRDB

/// A stored telemetry reading: the plant's own (`source` = the adapter) or pushed through the API
/// (`api`). Raw rows are kept for the retention window, then rolled into per-minute means.
public struct TelemetryEntry: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "telemetry"
    /// Where it came from.
    public var source: String
    /// Seconds of plant time the row stands for (the control interval, or 60 for a minute mean).
    public var resolutionS: Double
    /// The reading.
    public var reading: PlantTelemetry

    enum CodingKeys: String, CodingKey { case source, resolutionS = "resolution_s" }

    /// Creates an entry.
    public init(source: String, resolutionS: Double, reading: PlantTelemetry) {
        self.source = source
        self.resolutionS = resolutionS
        self.reading = reading
    }

    /// JSON: the reading's fields with `source` and `resolution_s` beside them.
    public init(from decoder: any Decoder) throws {
        reading = try PlantTelemetry(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        resolutionS = try container.decode(Double.self, forKey: .resolutionS)
    }

    public func encode(to encoder: any Encoder) throws {
        try reading.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(resolutionS, forKey: .resolutionS)
    }

    public init(row: Row) throws {
        source = row["source"]
        resolutionS = row["resolution_s"]
        reading = PlantTelemetry(
            timestampMS: row["ts_ms"], loadKW: row["load_kw"], pvAvailableKW: row["pv_available_kw"], pvKW: row["pv_kw"],
            batteryKW: row["battery_kw"], soc: row["soc"], dieselKW: row["diesel_kw"], dieselUnits: row["diesel_units"],
            gridKW: row["grid_kw"], unservedKW: row["unserved_kw"], batteryOnline: row["battery_online"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["source"] = source
        container["resolution_s"] = resolutionS
        container["ts_ms"] = reading.timestampMS
        container["load_kw"] = reading.loadKW
        container["pv_available_kw"] = reading.pvAvailableKW
        container["pv_kw"] = reading.pvKW
        container["battery_kw"] = reading.batteryKW
        container["soc"] = reading.soc
        container["diesel_kw"] = reading.dieselKW
        container["diesel_units"] = reading.dieselUnits
        container["grid_kw"] = reading.gridKW
        container["unserved_kw"] = reading.unservedKW
        container["battery_online"] = reading.batteryOnline
    }
}
