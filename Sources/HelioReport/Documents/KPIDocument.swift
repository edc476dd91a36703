import HelioGrid
import HelioStudy

/// `kpi.json`: ISO/IEC 30134 KPIs, the EU 2024/1364 energy fields, the carbon-free-energy score and
/// monthly energy by source.
public struct KPIDocument: Codable, Sendable {
    /// The KPIs.
    public var kpi: DataCentreKPIs
    /// Hourly-matched carbon-free-energy score, fraction.
    public var carbonFreeScore: Double
    /// Scope 1 + 2 location-based per kWh served, g.
    public var intensityGPerKWh: Double
    /// Monthly energy into the bus by source and emissions, all simulated years together.
    public var monthly: [MonthlyEnergy]

    enum CodingKeys: String, CodingKey {
        case kpi, monthly
        case carbonFreeScore = "carbon_free_score", intensityGPerKWh = "intensity_g_per_kwh"
    }

    /// The document of a run, its ledger's sums and its months (``MonthlyEnergy/add(_:servedKWh:axis:to:)``).
    public init(result: SimulationResult, inventory: GHGInventory, ledger: CarbonLedgerTotals, months: [MonthlyEnergy]) {
        kpi = DataCentreKPIs(result: result, renewableContractKWh: inventory.renewableContractKWh)
        carbonFreeScore = ledger.carbonFreeScore
        intensityGPerKWh = result.totals.intensityGPerKWh
        monthly = months
    }
}
