import HelioGrid

/// The live carbon ledger: turns each metered interval into a ``LedgerEntry`` with the same rules as
/// the simulator's ``CarbonLedger`` — fuel from the scenario's fuel curve, Scope 1 from the fuel,
/// Scope 2 from imports at the grid factor, the battery as a ``BatteryCarbonPool``.
public struct LiveLedger: Sendable {
    let scenario: Scenario
    let kgCO2ePerL: Double
    let fleet: GensetFleet?
    /// The battery carbon pool.
    public private(set) var pool: BatteryCarbonPool

    /// A ledger for `scenario` metered every `intervalHours`, its pool resumed from `pool` when given.
    public init(scenario: Scenario, intervalHours: Double, pool: BatteryCarbonPool? = nil) {
        self.scenario = scenario
        kgCO2ePerL = scenario.diesel.map { DieselEmissionFactor(diesel: $0, gwp: scenario.carbon.gwp).kgCO2ePerL } ?? 0
        fleet = scenario.diesel.map(GensetFleet.init(config:))
        self.pool = pool ?? BatteryCarbonPool(battery: scenario.battery, stepHours: intervalHours)
    }

    /// The entry of an interval of `seconds` ending at `reading` (powers held over the interval).
    public mutating func entry(for reading: PlantTelemetry, seconds: Double) -> LedgerEntry {
        let hours = seconds / 3600
        let served = (reading.loadKW - reading.unservedKW) * hours
        let discharge = max(0, reading.batteryKW) * hours, charge = max(0, -reading.batteryKW) * hours
        let imports = max(0, reading.gridKW) * hours, exports = max(0, -reading.gridKW) * hours
        let diesel = reading.dieselKW * hours
        let fuel = fleet?.fuelL(units: reading.dieselUnits, outputKW: reading.dieselKW, stepHours: hours) ?? 0
        let emitted = fuel * kgCO2ePerL + imports * (scenario.connectedGrid?.carbonGPerKWh ?? 0) / 1000
        let (kgPerKWh, fossilShare) = pool.pass(renewableKWh: reading.pvKW * hours, fossilKWh: diesel + imports,
                                                dischargeKWh: discharge, chargeKWh: charge, emittedKg: emitted)
        return LedgerEntry(
            timestampMS: reading.timestampMS, durationS: seconds, servedKWh: served, pvKWh: reading.pvKW * hours,
            batteryDischargeKWh: discharge, batteryChargeKWh: charge, dieselKWh: diesel, gridImportKWh: imports, gridExportKWh: exports,
            curtailedKWh: max(0, reading.pvAvailableKW - reading.pvKW) * hours, unservedKWh: reading.unservedKW * hours, fuelL: fuel,
            emittedKg: emitted, loadKg: served * kgPerKWh, poolKg: pool.carbonKg, intensityGPerKWh: kgPerKWh * 1000,
            carbonFreeKWh: served * (1 - fossilShare))
    }
}
