import HelioGrid

/// `GET /v1/prices`: the grid tariff over the next hours at the plant clock (docs/grid.md), what the
/// live MPC plans on: each hour's import and export price from `[grid]` (`price_csv` read at the
/// clock's time of year), and the demand and fixed charges.
struct PriceForecast: Encodable, Sendable {
    /// One hour's prices.
    struct Hour: Encodable, Sendable {
        var timestampMS: Int64
        var importPricePerKWh: Double
        var exportPricePerKWh: Double
        enum CodingKeys: String, CodingKey {
            case timestampMS = "timestamp_ms", importPricePerKWh = "import_price_per_kwh", exportPricePerKWh = "export_price_per_kwh"
        }
    }

    var currency: String
    var demandChargePerKWMonth: Double
    var fixedChargePerMonth: Double
    var hours: [Hour]

    enum CodingKeys: String, CodingKey {
        case currency, hours
        case demandChargePerKWMonth = "demand_charge_per_kw_month", fixedChargePerMonth = "fixed_charge_per_month"
    }

    /// `count` hours from the hour holding `nowMS` for `grid` on `inputs`' tariff.
    init(grid: GridConfig, currency: String, inputs: SimulationInputs, nowMS: Int64, count: Int) {
        self.currency = currency
        demandChargePerKWMonth = grid.demandChargePerKWMonth
        fixedChargePerMonth = grid.fixedChargePerMonth
        let hour = PlantTime(unixMS: nowMS).startOfHour
        hours = (0..<count).map { offset in
            let timestamp = (hour + .hours(Double(offset))).unixMS
            let prices = inputs.gridPrices(at: inputs.axis.stepIndex(unixMS: timestamp), grid: grid)
            return Hour(timestampMS: timestamp, importPricePerKWh: prices.importPerKWh, exportPricePerKWh: prices.exportPerKWh)
        }
    }
}
