/// One step's energy at the bus, kWh: what each source delivered, where it went (campus load,
/// battery charging, export) and the PV curtailed — the one value the simulator's totals, the
/// carbon ledger in simulation and in live operation, and `ledger.csv` are all built from.
///
/// Sources are split over the sinks in proportion to the sinks' shares of the energy on the bus,
/// the same proportional rule ``BatteryCarbonPool/attribute(_:emittedKg:)`` applies to carbon;
/// curtailed PV never reaches the bus.
public struct StepFlows: Sendable, Equatable {
    /// PV delivered to the bus, kWh.
    public var pvKWh: Double
    /// PV available but curtailed, kWh.
    public var curtailedKWh: Double
    /// Battery discharge at the bus, kWh.
    public var dischargeKWh: Double
    /// Battery charge at the bus, kWh.
    public var chargeKWh: Double
    /// Genset output, kWh.
    public var dieselKWh: Double
    /// Grid import, kWh.
    public var importKWh: Double
    /// Grid export, kWh.
    public var exportKWh: Double
    /// Demand served, kWh.
    public var servedKWh: Double
    /// Demand not served, kWh.
    public var unservedKWh: Double

    /// The flows of powers held for `hours` (kW; battery positive discharging, grid positive importing).
    @inline(__always)
    public init(loadKW: Double, pvKW: Double, curtailedKW: Double, batteryKW: Double, dieselKW: Double, gridKW: Double,
                unservedKW: Double, hours: Double) {
        pvKWh = pvKW * hours
        curtailedKWh = curtailedKW * hours
        dischargeKWh = max(0, batteryKW) * hours
        chargeKWh = max(0, -batteryKW) * hours
        dieselKWh = dieselKW * hours
        importKWh = max(0, gridKW) * hours
        exportKWh = max(0, -gridKW) * hours
        servedKWh = (loadKW - unservedKW) * hours
        unservedKWh = unservedKW * hours
    }

    /// Energy delivered to the bus by every source, kWh.
    public var supplyKWh: Double { pvKWh + dieselKWh + importKWh + dischargeKWh }
    /// Energy from fossil sources (gensets and imports) entering the bus, kWh.
    public var fossilKWh: Double { dieselKWh + importKWh }

    /// Shares of the bus energy taken by the load, the battery and export.
    private var sinkShares: (load: Double, battery: Double, export: Double) {
        let supply = supplyKWh
        guard supply > 0 else { return (0, 0, 0) }
        return (servedKWh / supply, chargeKWh / supply, exportKWh / supply)
    }

    /// `sourceKWh` split over the load, the battery and export.
    public func split(_ sourceKWh: Double) -> (toLoadKWh: Double, toBatteryKWh: Double, toExportKWh: Double) {
        let shares = sinkShares
        return (sourceKWh * shares.load, sourceKWh * shares.battery, sourceKWh * shares.export)
    }
}
