import HelioGrid

/// What `report` keeps of the plant's run, gathered year by year as the run goes (the engine's
/// ``SimulationEngine/YearSink``) so memory holds one year of steps whatever the run's length:
/// `ledger.csv` rows are written as each year ends; the carbon ledger's sums, market-based Scope 2,
/// the monthly energy, the CBAM periods and the intensity of every step (for the duration curve)
/// are accumulated; the first year's step series is kept for the dispatch charts.
public final class ReportRun {
    let scenario: Scenario
    private let ledgerFile: CSVFileWriter
    private var pool: BatteryCarbonPool
    /// The first simulated year's steps (dispatch weeks, SOC heat map).
    public private(set) var firstYear: StepSeries?
    /// The run's clock.
    public private(set) var axis: TimeAxis?
    /// The carbon ledger's sums.
    public private(set) var ledgerTotals = CarbonLedgerTotals()
    /// Market-based Scope 2 with contractual instruments (`nil` without a grid).
    public private(set) var market: MarketBasedScope2?
    /// Energy and emissions by calendar month, all years together.
    public private(set) var months = KPIDocument.emptyMonths
    /// CBAM electricity figures per quarter and year.
    public private(set) var cbam = CBAMElectricityReport(quarters: [], years: [])
    /// Intensity of the power used at every step, gCO₂e/kWh (single precision: a chart's data).
    public private(set) var intensities: [Float] = []

    /// A run of `scenario` whose ledger rows go to `ledgerFile`.
    public init(scenario: Scenario, ledgerFile: CSVFileWriter) {
        self.scenario = scenario
        self.ledgerFile = ledgerFile
        pool = BatteryCarbonPool(battery: scenario.battery, stepHours: Double(scenario.site.timestepMinutes) / 60)
        if scenario.connectedGrid != nil { market = MarketBasedScope2(scenario: scenario, stepMinutes: scenario.site.timestepMinutes) }
    }

    /// Adds simulated year `year` (from 0), whose steps are `series` on `axis`.
    public func add(year: Int, series: StepSeries, axis: TimeAxis) {
        self.axis = axis
        if year == 0 { firstYear = series }
        let ledger = CarbonLedger(series: series, stepHours: axis.stepHours, pool: &pool)
        market?.add(series, firstStep: year * axis.stepsPerYear)
        LedgerCSV.write(series: series, ledger: ledger, marketKg: market?.stepKg ?? [], axis: axis,
                        firstYear: scenario.carbon.firstYear + year, to: ledgerFile)
        ledgerTotals.add(ledger)
        KPIDocument.addMonths(series, servedKWh: ledger.servedKWh, axis: axis, to: &months)
        cbam.add(series, axis: axis, plant: PlantModel(scenario: scenario), firstYear: scenario.carbon.firstYear + year)
        intensities.append(contentsOf: ledger.loadIntensityGPerKWh.lazy.map { Float($0) })
    }

    /// Feeds a finished run's recorded step series year by year (a run kept whole in memory).
    public func replay(_ result: SimulationResult) {
        guard let series = result.series else { preconditionFailure("replay needs the run's step series") }
        let perYear = result.axis.stepsPerYear
        for year in 0..<(series.count / perYear) {
            add(year: year, series: series.slice((year * perYear)..<((year + 1) * perYear)), axis: result.axis)
        }
    }

    /// Writes the last rows of `ledger.csv` and closes it.
    public func finish() throws { try ledgerFile.close() }
}
