import HelioGrid

/// `report`: the campus run (its years streamed to the caller), the diesel-only baseline (``PlantVariants``)
/// under the rule-based EMS on the same weather, and the cases built on them: the ±20 % sensitivity
/// cases and the carbon-tariff resilience table (dispatch held as simulated; only money moves).
public struct ReportStudy: Sendable {
    /// The campus as given.
    public var plant: SimulationResult
    /// The campus on gensets alone.
    public var baseline: SimulationResult
    /// The ±20 % cases of the economic assumptions.
    public var sensitivity: [SensitivityCase]
    /// Energy + carbon cost per MWh against diesel-only at carbon prices 0–200 per tonne.
    public var resilience: [CarbonTariffPoint]

    /// Simulations the study makes: the plant and its baseline.
    public static let runs = 2

    /// Runs both; `onYear` receives each of the plant's years as it ends (the plant's step series is
    /// not kept).
    public init(_ scenario: Scenario, onYear: @escaping SimulationEngine.YearSink) throws {
        var baselineScenario = try PlantVariants.of(scenario)[0].scenario
        baselineScenario.dispatch.strategy = .rule
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        plant = try CampusRun.run(scenario, weather: weather, recordSeries: false, onYear: onYear)
        baseline = try CampusRun.run(baselineScenario, weather: weather, recordSeries: false)
        sensitivity = SensitivityCase.table(plant: plant, baseline: baseline)
        resilience = CarbonTariffPoint.table(plant: plant, baseline: baseline)
    }
}
