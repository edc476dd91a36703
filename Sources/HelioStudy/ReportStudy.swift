import HelioGrid
import HelioTransients

/// `report`'s study, handed to the renderer finished: the campus run (its years booked in a
/// ``RunLedger`` as they end, each handed to the caller for `ledger.csv`), the diesel-only baseline
/// (``PlantVariants``) under the rule-based EMS on the same weather, the cases built on them (the
/// ±20 % sensitivity cases and the carbon-tariff resilience table: dispatch held as simulated, only
/// money moves), the transient study of the first year when the scenario has a `[transients]`
/// section, and the reliability Monte Carlo — under the rule-based EMS when the run's strategy
/// optimises per step (``ReliabilityAssessment/replacedDispatch`` says so).
public struct ReportStudy: Sendable {
    /// The campus as given.
    public var plant: SimulationResult
    /// The campus on gensets alone.
    public var baseline: SimulationResult
    /// The ±20 % cases of the economic assumptions.
    public var sensitivity: [SensitivityCase]
    /// Energy + carbon cost per MWh against diesel-only at carbon prices 0–200 per tonne.
    public var resilience: [CarbonTariffPoint]
    /// What the carbon ledger gathered of the plant's run.
    public var ledger: RunLedger
    /// The transient study (`nil`: the scenario has no `[transients]` section).
    public var transients: TransientsStudy?
    /// The reliability Monte Carlo (`nil`: no sample-years asked).
    public var reliability: ReliabilityAssessment?

    /// Simulations the study makes: the plant and its baseline.
    public static let runs = 2

    /// The study of `scenario` with `reliabilitySamples` sample-years seeded from `reliabilitySeed`
    /// (0: none), the runs and the transient windows on one progress bar; `onLedgerYear` receives each
    /// of the plant's years as booked (the plant's step series is not kept beyond its first year).
    public static func run(_ scenario: Scenario, reliabilitySamples: Int, reliabilitySeed: UInt64,
                           onLedgerYear: @escaping (LedgerYear) -> Void) async throws -> ReportStudy {
        let transientSteps = scenario.transients == nil ? 0 : TransientsStudy.maximumSteps(of: scenario)
        let progress = StudyProgress(steps: runs * scenario.site.runSteps + transientSteps, command: "report")
        var study = try await progress.reporting(finalLine: false) { try simulated(scenario, onLedgerYear: onLedgerYear) }
        study.reliability = try await reliability(of: scenario, samples: reliabilitySamples, seed: reliabilitySeed)
        return study
    }

    /// The runs, the cases and the transient study.
    private static func simulated(_ scenario: Scenario, onLedgerYear: (LedgerYear) -> Void) throws -> ReportStudy {
        var baselineScenario = try PlantVariants.of(scenario)[0].scenario
        baselineScenario.dispatch.strategy = .rule
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        var ledger = RunLedger(scenario: scenario)
        let plant = try withoutActuallyEscaping(onLedgerYear) { sink in
            try CampusRun.run(scenario, weather: weather, recordSeries: false) { year, series, axis in
                sink(ledger.add(year: year, series: series, axis: axis))
            }
        }
        let baseline = try CampusRun.run(baselineScenario, weather: weather, recordSeries: false)
        var transients: TransientsStudy?
        if scenario.transients != nil, !scenario.isStaged, let series = ledger.firstYear, let axis = ledger.axis {
            transients = try TransientsStudy(scenario: scenario, series: series, axis: axis)
        }
        return ReportStudy(plant: plant, baseline: baseline, ledger: ledger, transients: transients)
    }

    /// The reliability Monte Carlo of the campus (`nil` for no samples); a strategy that optimises per
    /// step is replaced by the rule-based EMS, and the assessment records which it replaced.
    static func reliability(of scenario: Scenario, samples: Int, seed: UInt64) async throws -> ReliabilityAssessment? {
        guard samples > 0, !scenario.isStaged else { return nil }
        var plant = scenario
        let replaced = plant.dispatch.strategy.isRuleBased ? nil : plant.dispatch.strategy
        if replaced != nil { plant.dispatch.strategy = .rule }
        let study = try ReliabilityStudy(scenario: plant, weather: try WeatherLoader.load(path: plant.site.weatherPath))
        var assessment = try await ReliabilityAssessment.run(study, samples: samples, seed: seed)
        assessment.replacedDispatch = replaced
        return assessment
    }

    /// A study of runs made elsewhere (tests, a run kept whole): `plant` booked into a ledger here
    /// (each year to `onLedgerYear`), the cases built on it and `baseline`.
    public init(plant: SimulationResult, baseline: SimulationResult, reliability: ReliabilityAssessment? = nil, transients: TransientsStudy? = nil,
                onLedgerYear: (LedgerYear) -> Void = { _ in }) {
        var ledger = RunLedger(scenario: plant.scenario)
        ledger.replay(plant, onYear: onLedgerYear)
        self.init(plant: plant, baseline: baseline, ledger: ledger, transients: transients)
        self.reliability = reliability
    }

    /// The study of `plant` booked in `ledger` and `baseline`, with the cases built on them.
    private init(plant: SimulationResult, baseline: SimulationResult, ledger: RunLedger, transients: TransientsStudy?) {
        self.plant = plant
        self.baseline = baseline
        sensitivity = SensitivityCase.table(plant: plant, baseline: baseline)
        resilience = CarbonTariffPoint.table(plant: plant, baseline: baseline)
        self.ledger = ledger
        self.transients = transients
    }
}
