import GRDB

/// One control interval of the live carbon ledger: energy by source, fuel and carbon, with the battery
/// as a carbon pool (``BatteryCarbonPool``), as stored in the `ledger` table and served by `/v1/ledger`.
public struct LedgerEntry: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ledger"
    /// End of the interval, Unix ms (plant clock).
    public var timestampMS: Int64
    /// Interval length, seconds of plant time.
    public var durationS: Double
    /// Energy served to the campus, kWh.
    public var servedKWh: Double
    /// PV delivered, kWh.
    public var pvKWh: Double
    /// Battery discharge / charge at the bus, kWh.
    public var batteryDischargeKWh, batteryChargeKWh: Double
    /// Genset output, kWh.
    public var dieselKWh: Double
    /// Grid import / export, kWh.
    public var gridImportKWh, gridExportKWh: Double
    /// PV curtailed, kWh.
    public var curtailedKWh: Double
    /// Demand not served, kWh.
    public var unservedKWh: Double
    /// Fuel burnt, litres (the scenario's fuel curve).
    public var fuelL: Double
    /// Carbon emitted into the bus (fuel and imports), kgCO₂e.
    public var emittedKg: Double
    /// Carbon attributed to the campus load, kgCO₂e.
    public var loadKg: Double
    /// Carbon in the battery pool at the end of the interval, kgCO₂e.
    public var poolKg: Double
    /// Intensity of the power used, gCO₂e/kWh.
    public var intensityGPerKWh: Double
    /// Carbon-free energy served, kWh.
    public var carbonFreeKWh: Double

    enum CodingKeys: String, CodingKey {
        case timestampMS = "ts_ms", durationS = "duration_s", servedKWh = "served_kwh", pvKWh = "pv_kwh"
        case batteryDischargeKWh = "battery_discharge_kwh", batteryChargeKWh = "battery_charge_kwh", dieselKWh = "diesel_kwh"
        case gridImportKWh = "grid_import_kwh", gridExportKWh = "grid_export_kwh", curtailedKWh = "curtailed_kwh"
        case unservedKWh = "unserved_kwh", fuelL = "fuel_l", emittedKg = "emitted_kg", loadKg = "load_kg", poolKg = "pool_kg"
        case intensityGPerKWh = "intensity_g_per_kwh", carbonFreeKWh = "carbon_free_kwh"
    }
}

extension LedgerEntry {
    /// This row and the `later` one that follows it as one row ending when `later` ends: energies,
    /// fuel, carbon and durations summed, the pool as `later` left it, intensity recomputed from the
    /// sums (carbon to load / served).
    func merged(into later: LedgerEntry) -> LedgerEntry {
        var merged = later
        merged.durationS += durationS
        merged.servedKWh += servedKWh
        merged.pvKWh += pvKWh
        merged.batteryDischargeKWh += batteryDischargeKWh
        merged.batteryChargeKWh += batteryChargeKWh
        merged.dieselKWh += dieselKWh
        merged.gridImportKWh += gridImportKWh
        merged.gridExportKWh += gridExportKWh
        merged.curtailedKWh += curtailedKWh
        merged.unservedKWh += unservedKWh
        merged.fuelL += fuelL
        merged.emittedKg += emittedKg
        merged.loadKg += loadKg
        merged.carbonFreeKWh += carbonFreeKWh
        merged.intensityGPerKWh = merged.servedKWh > 0 ? merged.loadKg / merged.servedKWh * 1000 : 0
        return merged
    }
}
