import HelioGrid

/// Setpoints an operator imposes for a while; fields left `nil` stay with the strategy.
public struct OperatorOverride: Sendable, Equatable, Codable {
    /// Battery power, kW (positive discharging).
    public var batteryKW: Double?
    /// Gensets to run.
    public var dieselUnits: Int?
    /// PV limit, kW.
    public var pvLimitKW: Double?
    /// Grid power, kW (positive importing).
    public var gridKW: Double?
    /// Until when, Unix ms (plant clock).
    public var expiresMS: Int64

    enum CodingKeys: String, CodingKey {
        case batteryKW = "battery_kw", dieselUnits = "diesel_units", pvLimitKW = "pv_limit_kw", gridKW = "grid_kw", expiresMS = "expires_ms"
    }

    /// Creates an override.
    public init(batteryKW: Double? = nil, dieselUnits: Int? = nil, pvLimitKW: Double? = nil, gridKW: Double? = nil, expiresMS: Int64) {
        self.batteryKW = batteryKW
        self.dieselUnits = dieselUnits
        self.pvLimitKW = pvLimitKW
        self.gridKW = gridKW
        self.expiresMS = expiresMS
    }

    /// `setpoints` with this override's fields put in.
    func applied(to setpoints: PlantSetpoints) -> PlantSetpoints {
        var result = setpoints
        if let batteryKW { result.batteryKW = batteryKW }
        if let dieselUnits { result.dieselUnits = dieselUnits }
        if let pvLimitKW { result.pvLimitKW = pvLimitKW }
        if let gridKW { result.gridKW = gridKW }
        return result
    }

    /// Checks every field against the plant's limits; the error names the field and the limit.
    public func validate(against scenario: Scenario, nowMS: Int64) throws(ValidationError) {
        if let batteryKW {
            guard let battery = scenario.battery else { throw ValidationError("battery_kw: the plant has no battery") }
            try ValidationError.check("battery_kw", batteryKW, -battery.powerKW...battery.powerKW)
        }
        if let dieselUnits {
            let units = scenario.diesel?.units ?? 0
            guard (0...units).contains(dieselUnits) else { throw ValidationError("diesel_units: \(dieselUnits) is outside 0…\(units)") }
        }
        if let pvLimitKW { try ValidationError.check("pv_limit_kw", pvLimitKW, 0...(scenario.pv?.dcKW ?? 0)) }
        if let gridKW {
            guard let grid = scenario.connectedGrid else { throw ValidationError("grid_kw: the plant has no grid connection") }
            try ValidationError.check("grid_kw", gridKW, -grid.exportKW...grid.importKW)
        }
        guard expiresMS > nowMS else { throw ValidationError("expires_ms: \(expiresMS) is not after the plant clock (\(nowMS))") }
        guard PlantTime(unixMS: expiresMS) - PlantTime(unixMS: nowMS) <= .days(7) else { throw ValidationError("expires_ms: an override may last at most 7 days") }
    }
}
