import HelioGrid

/// The `heliogrid pv --out` file: `timestamp,ac_kw`, one row per step, ISO 8601 interval starts.
public enum PVSeriesCSV {
    /// Renders the series; power with three decimals (watt resolution).
    public static func render(acKW: [Double], axis: TimeAxis) -> String {
        var text = "timestamp,ac_kw\n"
        text.reserveCapacity(acKW.count * 36)
        for (step, value) in acKW.enumerated() {
            text += axis.timestamp(step: step)
            text += ","
            text += NumberFormat.fixed(value, decimals: 3)
            text += "\n"
        }
        return text
    }
}
