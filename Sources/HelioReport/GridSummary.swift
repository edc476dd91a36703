import HelioGrid

/// `summary.json` `grid`: the grid's bill in the first year (docs/grid.md), at year-1 prices; zeros
/// (and twelve zero peaks) without a grid connection.
public struct GridSummary: Codable, Sendable, Equatable {
    /// Each calendar month's highest import, kW (a step's average), January first.
    public var monthlyPeakImportKW: [Double]
    /// Imports at each step's price, currency.
    public var importCost: Double
    /// Exports at each step's export price, currency.
    public var exportRevenue: Double
    /// Demand charges on the monthly peaks, currency.
    public var demandCharge: Double
    /// Fixed monthly charges, currency.
    public var fixedCharge: Double
    /// Imports less export revenue plus demand and fixed charges, currency.
    public var cost: Double

    enum CodingKeys: String, CodingKey {
        case monthlyPeakImportKW = "monthly_peak_import_kw", importCost = "import_cost_year1", exportRevenue = "export_revenue_year1"
        case demandCharge = "demand_charge_year1", fixedCharge = "fixed_charge_year1", cost = "cost_year1"
    }

    /// The first year's bill of `result`.
    public init(result: SimulationResult) {
        let year = result.yearly.first ?? EnergyTotals()
        monthlyPeakImportKW = year.monthlyPeakImportKW.isEmpty ? Array(repeating: 0, count: 12) : year.monthlyPeakImportKW
        importCost = year.gridImportCost
        exportRevenue = year.gridExportRevenue
        demandCharge = year.gridDemandCharge
        fixedCharge = year.gridFixedCharge
        cost = year.gridCost
    }
}
