import HelioGrid

/// `steps.csv` per docs/output-contract.md: one row per simulation step (hourly or finer), interval
/// start stamps in ISO 8601 with the site's standard-time offset in the run's reporting years
/// (`[carbon] first_year` onward, as `ledger.csv`); powers in kW to the watt, SOC to six decimals,
/// CO₂e in kg to the gram.
public enum StepsCSV {
    /// The header line of the contract.
    public static let header = "timestamp,load_kw,it_kw,pv_available_kw,pv_kw,curtailed_kw,battery_kw,soc,diesel_kw,diesel_units,grid_kw,unserved_kw,co2_kg"

    /// The file's name.
    public static let fileName = "steps.csv"

    /// Renders every step of `series` on `axis`, the run starting in `firstYear`.
    public static func render(_ series: StepSeries, axis: TimeAxis, firstYear: Int) -> [UInt8] {
        var csv = CSVBuilder(capacity: series.count * 120)
        csv.append(header + "\n")
        appendRows(series, axis: axis, firstStep: 0, firstYear: firstYear, to: &csv)
        return csv.bytes
    }

    /// Writes the rows of `series`, whose first step is step `firstStep` of a run starting in
    /// `firstYear` (one year of a many-year run), to `file` in pieces.
    public static func write(_ series: StepSeries, axis: TimeAxis, firstStep: Int, firstYear: Int, to file: CSVFileWriter) {
        file.appendRows(series.count) { steps, csv in
            appendRows(series, axis: axis, firstStep: firstStep, firstYear: firstYear, steps: steps, to: &csv)
        }
    }

    /// Appends the rows of `steps` (all by default) of `series`, stamped as steps `firstStep + step`.
    private static func appendRows(_ series: StepSeries, axis: TimeAxis, firstStep: Int, firstYear: Int, steps: Range<Int>? = nil,
                                   to csv: inout CSVBuilder) {
        for step in steps ?? 0..<series.count {
            csv.appendTimestamp(step: firstStep + step, axis: axis, firstYear: firstYear)
            csv.appendField(series.loadKW[step], decimals: 3)
            csv.appendField(series.itKW[step], decimals: 3)
            csv.appendField(series.pvAvailableKW[step], decimals: 3)
            csv.appendField(series.pvKW[step], decimals: 3)
            csv.appendField(series.curtailedKW[step], decimals: 3)
            csv.appendField(series.batteryKW[step], decimals: 3)
            csv.appendField(series.soc[step], decimals: 6)
            csv.appendField(series.dieselKW[step], decimals: 3)
            csv.append(byte: UInt8(ascii: ","))
            csv.append(integer: series.dieselUnits[step])
            csv.appendField(series.gridKW[step], decimals: 3)
            csv.appendField(series.unservedKW[step], decimals: 3)
            csv.appendField(series.co2Kg[step], decimals: 3)
            csv.append(byte: UInt8(ascii: "\n"))
        }
    }
}
