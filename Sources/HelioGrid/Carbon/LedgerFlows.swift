/// Where one step's energy went, source by source: each source's energy split over the sinks (campus
/// load, battery charging, export) in proportion to the sinks' shares of the energy on the bus, the
/// same proportional rule as ``CarbonLedger``'s carbon; curtailed PV never reaches the bus.
public struct LedgerFlows: Sendable, Equatable {
    /// PV to the load / to the battery / exported / curtailed, kWh.
    public var pvToLoadKWh, pvToBatteryKWh, pvToExportKWh, pvCurtailedKWh: Double
    /// Genset energy to the load / to the battery / exported, kWh.
    public var dieselToLoadKWh, dieselToBatteryKWh, dieselToExportKWh: Double
    /// Grid imports to the load / to the battery, kWh (imports re-exported count to export).
    public var gridToLoadKWh, gridToBatteryKWh, gridToExportKWh: Double
    /// Battery discharge to the load / back into the battery / exported, kWh.
    public var batteryToLoadKWh, batteryToBatteryKWh, batteryToExportKWh: Double

    /// The flows of step `t` of `series` (steps of `stepHours`).
    public init(series: StepSeries, step t: Int, stepHours: Double) {
        let pv = series.pvKW[t] * stepHours, diesel = series.dieselKW[t] * stepHours
        let imports = max(0, series.gridKW[t]) * stepHours, discharge = max(0, series.batteryKW[t]) * stepHours
        let supply = pv + diesel + imports + discharge
        let served = (series.loadKW[t] - series.unservedKW[t]) * stepHours
        let charge = max(0, -series.batteryKW[t]) * stepHours, export = max(0, -series.gridKW[t]) * stepHours
        let toLoad = supply > 0 ? served / supply : 0, toBattery = supply > 0 ? charge / supply : 0
        let toExport = supply > 0 ? export / supply : 0
        pvToLoadKWh = pv * toLoad
        pvToBatteryKWh = pv * toBattery
        pvToExportKWh = pv * toExport
        pvCurtailedKWh = series.curtailedKW[t] * stepHours
        dieselToLoadKWh = diesel * toLoad
        dieselToBatteryKWh = diesel * toBattery
        dieselToExportKWh = diesel * toExport
        gridToLoadKWh = imports * toLoad
        gridToBatteryKWh = imports * toBattery
        gridToExportKWh = imports * toExport
        batteryToLoadKWh = discharge * toLoad
        batteryToBatteryKWh = discharge * toBattery
        batteryToExportKWh = discharge * toExport
    }
}
