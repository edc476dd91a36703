import HelioGrid

/// Checks a telemetry reading before the EMS acts on it or stores it: every number finite and within
/// the plant's physical range (10 % headroom for meter error), PV delivered no more than PV
/// available, SOC within 0…1, the stamp neither in
/// the future (more than `maxSkewMS` ahead of the plant clock) nor stale (older than `maxAgeMS`).
public struct TelemetryValidator: Sendable {
    let scenario: Scenario
    /// Largest accepted age of a reading, ms.
    public var maxAgeMS: Int64
    /// Largest accepted lead over the plant clock, ms.
    public var maxSkewMS: Int64 = 5_000

    /// A validator for `scenario`'s plant.
    public init(scenario: Scenario, maxAgeMS: Int64) {
        self.scenario = scenario
        self.maxAgeMS = maxAgeMS
    }

    /// Throws naming the first field that is wrong.
    public func check(_ reading: PlantTelemetry, nowMS: Int64) throws(ValidationError) {
        guard reading.timestampMS <= nowMS + maxSkewMS else {
            throw ValidationError("timestamp_ms: \(reading.timestampMS) is in the future (plant clock \(nowMS))")
        }
        guard nowMS - reading.timestampMS <= maxAgeMS else {
            throw ValidationError("timestamp_ms: \(reading.timestampMS) is stale (older than \(maxAgeMS) ms at plant clock \(nowMS))")
        }
        let loadCeiling = 1e9, pvCeiling = (scenario.pv?.dcKW ?? 0) * 1.1
        let batteryPower = (scenario.battery?.powerKW ?? 0) * 1.1, fleetKW = (scenario.diesel?.fleetKW ?? 0) * 1.1
        let importKW = (scenario.connectedGrid?.importKW ?? 0) * 1.1, exportKW = (scenario.connectedGrid?.exportKW ?? 0) * 1.1
        try ValidationError.check("load_kw", reading.loadKW, 0...loadCeiling)
        try ValidationError.check("pv_available_kw", reading.pvAvailableKW, 0...pvCeiling)
        try ValidationError.check("pv_kw", reading.pvKW, 0...pvCeiling)
        guard reading.pvKW <= reading.pvAvailableKW * (1 + 1e-9) + 1e-6 else {
            throw ValidationError("pv_kw: \(reading.pvKW) is above pv_available_kw \(reading.pvAvailableKW)")
        }
        try ValidationError.check("battery_kw", reading.batteryKW, -batteryPower...batteryPower)
        try ValidationError.check("soc", reading.soc, 0...1)
        try ValidationError.check("diesel_kw", reading.dieselKW, 0...fleetKW)
        try ValidationError.check("grid_kw", reading.gridKW, -exportKW...importKW)
        try ValidationError.check("unserved_kw", reading.unservedKW, 0...loadCeiling)
        let units = scenario.diesel?.units ?? 0
        guard (0...units).contains(reading.dieselUnits) else { throw ValidationError("diesel_units: \(reading.dieselUnits) is outside 0…\(units)") }
    }
}
