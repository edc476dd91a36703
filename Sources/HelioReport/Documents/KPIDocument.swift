import HelioGrid

/// `kpi.json`: ISO/IEC 30134 KPIs, the EU 2024/1364 energy fields, the carbon-free-energy score and
/// monthly energy by source.
public struct KPIDocument: Codable, Sendable {
    /// One month of energy into the bus by source and of emissions (all simulated years together).
    public struct Month: Codable, Sendable {
        /// 1–12.
        public var month: Int
        /// Energy, MWh.
        public var pvMWh, batteryDischargeMWh, dieselMWh, gridImportMWh, servedMWh: Double
        /// Scope 1 + 2 location-based, tCO₂e.
        public var emissionsT: Double
        enum CodingKeys: String, CodingKey {
            case month
            case pvMWh = "pv_mwh", batteryDischargeMWh = "battery_discharge_mwh", dieselMWh = "diesel_mwh"
            case gridImportMWh = "grid_import_mwh", servedMWh = "served_mwh", emissionsT = "emissions_t_co2e"
        }
    }

    /// The KPIs.
    public var kpi: DataCentreKPIs
    /// Hourly-matched carbon-free-energy score, fraction.
    public var carbonFreeScore: Double
    /// Scope 1 + 2 location-based per kWh served, g.
    public var intensityGPerKWh: Double
    /// Monthly energy by source.
    public var monthly: [Month]

    enum CodingKeys: String, CodingKey {
        case kpi, monthly
        case carbonFreeScore = "carbon_free_score", intensityGPerKWh = "intensity_g_per_kwh"
    }

    /// The document of a run, its ledger's sums and its months (``addMonths(_:servedKWh:axis:to:)``).
    public init(result: SimulationResult, inventory: GHGInventory, ledger: CarbonLedgerTotals, months: [Month]) {
        kpi = DataCentreKPIs(result: result, renewableContractKWh: inventory.renewableContractKWh)
        carbonFreeScore = ledger.carbonFreeScore
        intensityGPerKWh = result.totals.intensityGPerKWh
        monthly = months
    }

    /// Twelve months with nothing in them.
    public static var emptyMonths: [Month] {
        (1...12).map { Month(month: $0, pvMWh: 0, batteryDischargeMWh: 0, dieselMWh: 0, gridImportMWh: 0, servedMWh: 0, emissionsT: 0) }
    }

    /// Adds the steps of `series` (whole years; energy served per step `servedKWh`) to `months`.
    public static func addMonths(_ series: StepSeries, servedKWh: [Double], axis: TimeAxis, to months: inout [Month]) {
        let hours = axis.stepHours, calendar = BillingMonths(simulation: axis)
        for step in 0..<series.count {
            let index = calendar.month(ofStep: step) % 12
            months[index].pvMWh += series.pvKW[step] * hours / 1000
            months[index].batteryDischargeMWh += max(0, series.batteryKW[step]) * hours / 1000
            months[index].dieselMWh += series.dieselKW[step] * hours / 1000
            months[index].gridImportMWh += max(0, series.gridKW[step]) * hours / 1000
            months[index].servedMWh += servedKWh[step] / 1000
            months[index].emissionsT += series.co2Kg[step] / 1000
        }
    }
}
