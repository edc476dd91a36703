import HelioGrid

/// What a report keeps of the plant's run, gathered year by year as the run goes (the engine's
/// ``SimulationEngine/YearSink``) so memory holds one year of steps whatever the run's length: the
/// carbon ledger's sums, market-based Scope 2, the monthly energy, the CBAM periods and the intensity
/// of every step (for the duration curve); the first year's step series is kept for the dispatch
/// charts. Each year's ``LedgerYear`` goes to the caller (`ledger.csv` is written from it).
public struct RunLedger: Sendable {
    let scenario: Scenario
    private var pool: BatteryCarbonPool
    /// The first simulated year's steps (dispatch weeks, SOC heat map).
    public private(set) var firstYear: StepSeries?
    /// The run's clock.
    public private(set) var axis: TimeAxis?
    /// The carbon ledger's sums.
    public private(set) var totals = CarbonLedgerTotals()
    /// Market-based Scope 2 with contractual instruments (`nil` without a grid).
    public private(set) var market: MarketBasedScope2?
    /// Energy and emissions by calendar month, all years together.
    public private(set) var months = MonthlyEnergy.year
    /// CBAM electricity figures per quarter and year.
    public private(set) var cbam = CBAMElectricityReport(quarters: [], years: [])
    /// Intensity of the power used at every step, gCO₂e/kWh (single precision: a chart's data).
    public private(set) var intensities: [Float] = []

    /// An empty ledger for a run of `scenario`.
    public init(scenario: Scenario) {
        self.scenario = scenario
        pool = BatteryCarbonPool(battery: scenario.battery, stepHours: Double(scenario.site.timestepMinutes) / 60)
        if scenario.connectedGrid != nil { market = MarketBasedScope2(scenario: scenario, stepMinutes: scenario.site.timestepMinutes) }
    }

    /// Books simulated year `year` (from 0), whose steps are `series` on `axis`; the year as booked.
    public mutating func add(year: Int, series: StepSeries, axis: TimeAxis) -> LedgerYear {
        self.axis = axis
        if year == 0 { firstYear = series }
        let ledger = CarbonLedger(series: series, stepHours: axis.stepHours, pool: &pool)
        market?.add(series, firstStep: year * axis.stepsPerYear)
        totals.add(ledger)
        MonthlyEnergy.add(series, servedKWh: ledger.servedKWh, axis: axis, to: &months)
        cbam.add(series, axis: axis, plant: PlantModel(scenario: scenario), firstYear: scenario.carbon.firstYear + year)
        intensities.append(contentsOf: ledger.loadIntensityGPerKWh.lazy.map { Float($0) })
        return LedgerYear(series: series, ledger: ledger, marketKg: market?.stepKg ?? [], axis: axis,
                          calendarYear: scenario.carbon.firstYear + year)
    }

    /// Books a finished run's recorded step series year by year (a run kept whole in memory), each
    /// year handed to `onYear`.
    public mutating func replay(_ result: SimulationResult, onYear: (LedgerYear) -> Void = { _ in }) {
        guard let series = result.series else { preconditionFailure("replay needs the run's step series") }
        let perYear = result.axis.stepsPerYear
        for year in 0..<(series.count / perYear) {
            onYear(add(year: year, series: series.slice((year * perYear)..<((year + 1) * perYear)), axis: result.axis))
        }
    }
}
