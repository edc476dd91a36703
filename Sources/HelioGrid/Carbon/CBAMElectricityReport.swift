/// CBAM electricity figures per quarter and per year from a run's metered flows.
///
/// Under the EU CBAM (Regulation (EU) 2023/956, Annex IV §5, and Implementing Regulation (EU)
/// 2023/1773, Annex III) a consumer directly connected to its generation may use the actual
/// emission factor of that source instead of a default. Here the source is the microgrid: its
/// emissions of generation are the CO₂ of the genset fuel plus any grid imports at the grid's factor,
/// and its net electricity is what it delivers to the campus and exports (storage losses and
/// curtailment are not delivered). Annex I of Regulation (EU) 2023/956 lists CO₂ only for
/// electricity, so CH₄ and N₂O of the fuel are left out (they stay in the GHG inventory's Scope 1).
/// Factor = CO₂ / net electricity, tCO₂/MWh. Each period carries the metered energy by source and the
/// fuel burnt, so the factor can be recomputed (fuel × `co2_kg_per_l` + imports × grid factor).
public struct CBAMElectricityReport: Sendable, Equatable {
    /// Quarters in order, then the whole years.
    public var quarters: [CBAMElectricityPeriod]
    /// One period per simulated year.
    public var years: [CBAMElectricityPeriod]

    /// First day (0-based, non-leap) of each quarter.
    static let quarterStartDays = [0, 90, 181, 273]

    /// A report of the given periods (empty ones to ``add(_:axis:plant:firstYear:)`` to).
    public init(quarters: [CBAMElectricityPeriod], years: [CBAMElectricityPeriod]) {
        self.quarters = quarters
        self.years = years
    }

    /// Builds the report from a run's step series on `axis` for `plant`, simulated year 1 labelled `firstYear`.
    public init(series: StepSeries, axis: TimeAxis, plant: PlantModel, firstYear: Int) {
        quarters = []
        years = []
        add(series, axis: axis, plant: plant, firstYear: firstYear)
    }

    /// Adds the whole years of `series`, the first of them labelled `firstYear`.
    public mutating func add(_ series: StepSeries, axis: TimeAxis, plant: PlantModel, firstYear: Int) {
        let perYear = axis.stepsPerYear
        for year in 0..<(series.count / perYear) {
            let calendarYear = firstYear + year, yearStart = year * perYear
            for quarter in 0..<4 {
                let first = Self.quarterStartDays[quarter] * 1440 / axis.stepMinutes
                let end = quarter == 3 ? perYear : Self.quarterStartDays[quarter + 1] * 1440 / axis.stepMinutes
                quarters.append(Self.period("\(calendarYear)-Q\(quarter + 1)", series, (yearStart + first)..<(yearStart + end),
                                            axis.stepHours, plant))
            }
            years.append(Self.period("\(calendarYear)", series, yearStart..<(yearStart + perYear), axis.stepHours, plant))
        }
    }

    /// The figures of the steps in `steps`.
    private static func period(_ label: String, _ series: StepSeries, _ steps: Range<Int>, _ hours: Double,
                               _ plant: PlantModel) -> CBAMElectricityPeriod {
        func kWh(_ power: (Int) -> Double) -> Double { steps.reduce(0) { $0 + power($1) } * hours }
        let deliveredKWh = kWh { series.loadKW[$0] - series.unservedKW[$0] + max(0, -series.gridKW[$0]) }
        // A step's imports carry what its emissions hold beyond the fuel's CO₂e; the fuel counts its CO₂ alone.
        let emissionsKg = steps.reduce(0) { total, t in
            let fuelL = series.fuelL[t]
            return total + fuelL * plant.fuelKgCO2PerL + max(0, series.co2Kg[t] - fuelL * plant.fuelKgCO2ePerL)
        }
        return CBAMElectricityPeriod(
            label: label, deliveredMWh: deliveredKWh / 1000, emissionsT: emissionsKg / 1000,
            emissionFactorTPerMWh: deliveredKWh > 0 ? emissionsKg / deliveredKWh : 0,
            pvMWh: kWh { series.pvKW[$0] } / 1000, dieselMWh: kWh { series.dieselKW[$0] } / 1000,
            importMWh: kWh { max(0, series.gridKW[$0]) } / 1000,
            batteryChargeMWh: kWh { max(0, -series.batteryKW[$0]) } / 1000,
            batteryDischargeMWh: kWh { max(0, series.batteryKW[$0]) } / 1000,
            fuelL: steps.reduce(0) { $0 + series.fuelL[$1] },
            determination: "actual emissions of a directly connected source (microgrid metering)")
    }
}
