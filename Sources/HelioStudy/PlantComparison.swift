import HelioGrid

/// `compare`: every plant variant (``PlantVariants``) simulated with the scenario's strategy on the
/// same weather, read once; each run's time covers its inputs and dispatch.
public enum PlantComparison {
    /// One case per variant, in ``PlantVariants`` order.
    public static func run(_ scenario: Scenario) throws -> [LabeledResult] {
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        return try PlantVariants.of(scenario).map { label, variant in
            LabeledResult(label: label, result: try CampusRun.run(variant, weather: weather, recordSeries: false))
        }
    }
}
