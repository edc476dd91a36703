import HelioGrid

/// The `heliogrid pv --out` file: `timestamp,ac_kw`, one row per step, ISO 8601 interval starts
/// stamped with the year `pv --year` names.
public enum PVSeriesCSV {
    /// Renders the series, its first step in `firstYear`; power with three decimals (watt resolution).
    public static func render(acKW: [Double], axis: TimeAxis, firstYear: Int) -> [UInt8] {
        var csv = CSVBuilder(capacity: acKW.count * 40)
        csv.append("timestamp,ac_kw\n")
        for (step, value) in acKW.enumerated() {
            csv.appendTimestamp(step: step, axis: axis, firstYear: firstYear)
            csv.appendField(value, decimals: 3)
            csv.append(byte: UInt8(ascii: "\n"))
        }
        return csv.bytes
    }
}
