import HelioGrid

/// The live carbon ledger: turns each metered interval into a ``LedgerEntry`` with the simulator's
/// rules — the interval's ``StepFlows``, fuel and emissions from the ``PlantModel``, and carbon
/// attributed by ``BatteryCarbonPool/attribute(_:emittedKg:)``, the same function as the
/// simulation's ``CarbonLedger``. Units running above the previous interval's count are starts, each
/// burning `start_fuel_l` as in the simulation (the first interval after a start-up counts none).
public struct LiveLedger: Sendable {
    let plant: PlantModel
    /// The battery carbon pool.
    public private(set) var pool: BatteryCarbonPool
    /// Gensets running in the previous interval (`nil` before the first).
    private var previousUnits: Int?

    /// A ledger for `scenario` metered every `intervalHours`, its pool resumed from `pool` when given.
    public init(scenario: Scenario, intervalHours: Double, pool: BatteryCarbonPool? = nil) {
        plant = PlantModel(scenario: scenario)
        self.pool = pool ?? BatteryCarbonPool(battery: scenario.battery, stepHours: intervalHours)
    }

    /// The entry of an interval of `seconds` ending at `reading` (powers held over the interval).
    public mutating func entry(for reading: PlantTelemetry, seconds: Double) -> LedgerEntry {
        let flows = StepFlows(loadKW: reading.loadKW, pvKW: reading.pvKW, curtailedKW: max(0, reading.pvAvailableKW - reading.pvKW),
                              batteryKW: reading.batteryKW, dieselKW: reading.dieselKW, gridKW: reading.gridKW,
                              unservedKW: reading.unservedKW, hours: seconds / 3600)
        return entry(flows, dieselUnits: reading.dieselUnits, dieselKW: reading.dieselKW, at: PlantTime(unixMS: reading.timestampMS),
                     seconds: seconds)
    }

    /// The entry of an interval with `flows` (measured, or a decision's in the forward plan) and
    /// `dieselUnits` running at `dieselKW` over `seconds`, stamped `time`.
    public mutating func entry(_ flows: StepFlows, dieselUnits: Int, dieselKW: Double, at time: PlantTime, seconds: Double) -> LedgerEntry {
        let hours = seconds / 3600
        let starts = max(0, dieselUnits - (previousUnits ?? dieselUnits))
        previousUnits = dieselUnits
        let fuel = plant.fuelL(units: dieselUnits, outputKW: dieselKW, hours: hours) + Double(starts) * plant.startFuelL
        let emitted = plant.emittedKg(fuelL: fuel, importKWh: flows.importKWh, gridGPerKWh: plant.grid?.carbonGPerKWh ?? 0)
        let carbon = pool.attribute(flows, emittedKg: emitted)
        return LedgerEntry(
            timestampMS: time.unixMS, durationS: seconds, servedKWh: flows.servedKWh, pvKWh: flows.pvKWh,
            batteryDischargeKWh: flows.dischargeKWh, batteryChargeKWh: flows.chargeKWh, dieselKWh: flows.dieselKWh,
            gridImportKWh: flows.importKWh, gridExportKWh: flows.exportKWh, curtailedKWh: flows.curtailedKWh,
            unservedKWh: flows.unservedKWh, fuelL: fuel, emittedKg: emitted, loadKg: carbon.loadKg, poolKg: carbon.poolKg,
            intensityGPerKWh: carbon.intensityGPerKWh, carbonFreeKWh: carbon.carbonFreeKWh)
    }
}
