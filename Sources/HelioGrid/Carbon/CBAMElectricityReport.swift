/// CBAM electricity figures per quarter and per year from a run's metered flows.
///
/// Under the EU CBAM (Regulation (EU) 2023/956, Annex IV §5, and Implementing Regulation (EU)
/// 2023/1773, Annex III) a consumer directly connected to its generation may use the actual
/// emission factor of that source instead of a default. Here the source is the microgrid: its
/// emissions of generation are genset fuel (Scope 1) plus any grid imports (Scope 2, location-based),
/// and its net electricity is what it delivers to the campus and exports (storage losses and
/// curtailment are not delivered). Factor = emissions / net electricity, tCO₂e/MWh. Each period
/// carries the metered energy by source and the fuel burnt, so the factor can be recomputed.
public struct CBAMElectricityReport: Sendable, Equatable {
    /// Quarters in order, then the whole years.
    public var quarters: [CBAMElectricityPeriod]
    /// One period per simulated year.
    public var years: [CBAMElectricityPeriod]

    /// First day (0-based, non-leap) of each quarter.
    static let quarterStartDays = [0, 90, 181, 273]

    /// Builds the report from a run's step series on `axis`.
    public init(series: StepSeries, axis: TimeAxis) {
        var quarters: [CBAMElectricityPeriod] = [], years: [CBAMElectricityPeriod] = []
        let perYear = axis.stepsPerYear
        for year in 0..<(series.count / perYear) {
            let calendarYear = CivilCalendar.baseYear + year
            var yearSum = Accumulator()
            for quarter in 0..<4 {
                var sum = Accumulator()
                let first = Self.quarterStartDays[quarter] * 1440 / axis.stepMinutes
                let end = quarter == 3 ? perYear : Self.quarterStartDays[quarter + 1] * 1440 / axis.stepMinutes
                for step in (year * perYear + first)..<(year * perYear + end) {
                    sum.add(series, step: step, hours: axis.stepHours)
                }
                yearSum.merge(sum)
                quarters.append(sum.period(label: "\(calendarYear)-Q\(quarter + 1)"))
            }
            years.append(yearSum.period(label: "\(calendarYear)"))
        }
        self.quarters = quarters
        self.years = years
    }

    /// Running sums of one period, kWh, kg and litres.
    private struct Accumulator {
        var deliveredKWh = 0.0, emissionsKg = 0.0, pvKWh = 0.0, dieselKWh = 0.0, importKWh = 0.0
        var chargeKWh = 0.0, dischargeKWh = 0.0, fuelL = 0.0

        mutating func add(_ series: StepSeries, step: Int, hours: Double) {
            deliveredKWh += ((series.loadKW[step] - series.unservedKW[step]) + max(0, -series.gridKW[step])) * hours
            emissionsKg += series.co2Kg[step]
            pvKWh += series.pvKW[step] * hours
            dieselKWh += series.dieselKW[step] * hours
            importKWh += max(0, series.gridKW[step]) * hours
            chargeKWh += max(0, -series.batteryKW[step]) * hours
            dischargeKWh += max(0, series.batteryKW[step]) * hours
            fuelL += series.fuelL[step]
        }

        mutating func merge(_ other: Accumulator) {
            deliveredKWh += other.deliveredKWh
            emissionsKg += other.emissionsKg
            pvKWh += other.pvKWh
            dieselKWh += other.dieselKWh
            importKWh += other.importKWh
            chargeKWh += other.chargeKWh
            dischargeKWh += other.dischargeKWh
            fuelL += other.fuelL
        }

        func period(label: String) -> CBAMElectricityPeriod {
            CBAMElectricityPeriod(
                label: label, deliveredMWh: deliveredKWh / 1000, emissionsT: emissionsKg / 1000,
                emissionFactorTPerMWh: deliveredKWh > 0 ? emissionsKg / deliveredKWh : 0,
                pvMWh: pvKWh / 1000, dieselMWh: dieselKWh / 1000, importMWh: importKWh / 1000,
                batteryChargeMWh: chargeKWh / 1000, batteryDischargeMWh: dischargeKWh / 1000, fuelL: fuelL,
                determination: "actual emissions of a directly connected source (microgrid metering)")
        }
    }
}
