import HelioGrid

/// `report`: the campus run with its step series, and the diesel-only baseline (``PlantVariants``)
/// under the rule-based EMS on the same weather.
public struct ReportStudy: Sendable {
    /// The campus as given.
    public var plant: SimulationResult
    /// The campus on gensets alone.
    public var baseline: SimulationResult

    /// Runs both.
    public init(_ scenario: Scenario) throws {
        var baselineScenario = try PlantVariants.of(scenario)[0].scenario
        baselineScenario.dispatch.strategy = .rule
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        plant = try CampusRun.run(scenario, weather: weather, recordSeries: true)
        baseline = try CampusRun.run(baselineScenario, weather: weather, recordSeries: false)
    }
}
