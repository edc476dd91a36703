import HelioGrid

/// One calendar month's energy and emissions over every simulated year of a run (the report's
/// monthly table and chart, `kpi.json` `months`), months by ``BillingMonths``.
public struct MonthlyEnergy: Codable, Sendable, Equatable {
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

    /// The twelve months with nothing added.
    public static var year: [MonthlyEnergy] {
        (1...12).map { MonthlyEnergy(month: $0, pvMWh: 0, batteryDischargeMWh: 0, dieselMWh: 0, gridImportMWh: 0, servedMWh: 0, emissionsT: 0) }
    }

    /// Adds the steps of `series` (whole years; energy served per step `servedKWh`) to `months`.
    public static func add(_ series: StepSeries, servedKWh: [Double], axis: TimeAxis, to months: inout [MonthlyEnergy]) {
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
