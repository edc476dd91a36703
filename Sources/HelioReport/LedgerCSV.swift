import HelioGrid
import HelioStudy

/// `ledger.csv`: the per-step carbon ledger an auditor can recompute. Energy from each source to the
/// load, the battery, export and curtailment (``StepFlows``), fuel, the carbon emitted into the bus,
/// attributed to the load and to export, the battery pool's carbon, the intensity of the power used,
/// carbon-free energy served and market-based Scope 2. Every row holds
/// `emitted_kg = load_kg + export_kg + pool_kg − previous pool_kg`.
public enum LedgerCSV {
    /// The header line.
    public static let header = "timestamp,served_kwh,pv_to_load_kwh,pv_to_battery_kwh,pv_to_export_kwh,pv_curtailed_kwh,"
        + "diesel_to_load_kwh,diesel_to_battery_kwh,diesel_to_export_kwh,grid_to_load_kwh,grid_to_battery_kwh,grid_to_export_kwh,"
        + "battery_to_load_kwh,battery_to_battery_kwh,battery_to_export_kwh,fuel_l,emitted_kg,load_kg,export_kg,pool_kg,"
        + "intensity_g_per_kwh,carbon_free_kwh,scope2_market_kg"

    /// Appends `year`'s rows to `file` (``write(series:ledger:marketKg:axis:firstYear:to:)``).
    public static func write(_ year: LedgerYear, to file: CSVFileWriter) {
        write(series: year.series, ledger: year.ledger, marketKg: year.marketKg, axis: year.axis, firstYear: year.calendarYear, to: file)
    }

    /// Writes every step of `series` (one simulated year of a run, stamped from `firstYear`) to
    /// `file` in pieces; `marketKg` is the per-step market-based Scope 2 (empty when there is no grid).
    public static func write(series: StepSeries, ledger: CarbonLedger, marketKg: [Double], axis: TimeAxis, firstYear: Int, to file: CSVFileWriter) {
        file.appendRows(series.count) { steps, csv in
            appendRows(steps, series: series, ledger: ledger, marketKg: marketKg, axis: axis, firstYear: firstYear, to: &csv)
        }
    }

    private static func appendRows(_ steps: Range<Int>, series: StepSeries, ledger: CarbonLedger, marketKg: [Double], axis: TimeAxis,
                                   firstYear: Int, to csv: inout CSVBuilder) {
        for step in steps {
            let flows = series.flows(at: step, stepHours: axis.stepHours)
            let pv = flows.split(flows.pvKWh), diesel = flows.split(flows.dieselKWh)
            let grid = flows.split(flows.importKWh), battery = flows.split(flows.dischargeKWh)
            csv.appendTimestamp(step: step, axis: axis, firstYear: firstYear)
            for value in [ledger.servedKWh[step], pv.toLoadKWh, pv.toBatteryKWh, pv.toExportKWh, flows.curtailedKWh,
                          diesel.toLoadKWh, diesel.toBatteryKWh, diesel.toExportKWh, grid.toLoadKWh,
                          grid.toBatteryKWh, grid.toExportKWh, battery.toLoadKWh, battery.toBatteryKWh,
                          battery.toExportKWh, series.fuelL[step], ledger.emittedKg[step], ledger.loadKg[step],
                          ledger.exportKg[step], ledger.poolKg[step], ledger.loadIntensityGPerKWh[step], ledger.carbonFreeKWh[step],
                          marketKg.isEmpty ? 0 : marketKg[step]] {
                csv.appendField(value, decimals: 3)
            }
            csv.append(byte: UInt8(ascii: "\n"))
        }
    }
}
