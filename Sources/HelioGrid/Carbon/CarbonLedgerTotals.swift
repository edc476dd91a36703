/// The sums of a run's carbon ledger, gathered stretch by stretch (a year at a time) so a long run
/// need not keep every step: what the GHG inventory's balance and the carbon-free-energy score need.
public struct CarbonLedgerTotals: Sendable, Equatable {
    /// Carbon emitted into the bus, attributed to the load and to export, kgCO₂e.
    public var emittedKg = 0.0, loadKg = 0.0, exportKg = 0.0
    /// Carbon left in the battery pool at the end of the last stretch, kgCO₂e.
    public var poolEndKg = 0.0
    /// Carbon-free energy served and energy served, kWh.
    public var carbonFreeKWh = 0.0, servedKWh = 0.0

    /// Nothing yet.
    public init() {}

    /// Adds the next stretch of the ledger.
    public mutating func add(_ ledger: CarbonLedger) {
        emittedKg += ledger.emittedKg.reduce(0, +)
        loadKg += ledger.loadKg.reduce(0, +)
        exportKg += ledger.exportKg.reduce(0, +)
        poolEndKg = ledger.poolKg.last ?? poolEndKg
        carbonFreeKWh += ledger.carbonFreeKWh.reduce(0, +)
        servedKWh += ledger.servedKWh.reduce(0, +)
    }

    /// Hourly-matched carbon-free-energy score (``CarbonLedger/carbonFreeScore``) of everything added.
    public var carbonFreeScore: Double { servedKWh > 0 ? carbonFreeKWh / servedKWh : 0 }
}
