import HelioGrid

/// `hourly.csv` per DESIGN.md's output contract: one row per step (whatever the step), interval
/// start stamps in ISO 8601 with the site's standard-time offset.
public enum HourlyCSV {
    /// The header line of the contract.
    public static let header = "timestamp,load_kw,it_kw,pv_available_kw,pv_kw,curtailed_kw,battery_kw,soc,diesel_kw,diesel_units,grid_kw,unserved_kw,co2_kg"

    /// Renders every step of `series` on `axis`.
    public static func render(_ series: StepSeries, axis: TimeAxis) -> String {
        var text = header + "\n"
        text.reserveCapacity(series.count * 120)
        for step in 0..<series.count {
            text += axis.timestamp(step: step)
            for value in [series.loadKW[step], series.itKW[step], series.pvAvailableKW[step], series.pvKW[step],
                          series.curtailedKW[step], series.batteryKW[step]] {
                text += "," + NumberFormat.fixed(value, decimals: 3)
            }
            text += "," + NumberFormat.fixed(series.soc[step], decimals: 6)
            text += "," + NumberFormat.fixed(series.dieselKW[step], decimals: 3)
            text += ",\(series.dieselUnits[step])"
            for value in [series.gridKW[step], series.unservedKW[step], series.co2Kg[step]] {
                text += "," + NumberFormat.fixed(value, decimals: 3)
            }
            text += "\n"
        }
        return text
    }
}
