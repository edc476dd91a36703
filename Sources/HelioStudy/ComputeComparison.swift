import HelioGrid
import HelioOptimize

/// `compare --compute`: the campus with rigid and with flexible GPU work under each rule-based EMS
/// and the perfect-foresight LP, on weather loaded once (docs/compute.md).
public enum ComputeComparison {
    /// The strategies compared.
    public static let strategies: [DispatchConfig.Strategy] = [.rule, .loadFollowing, .cycleCharging, .optimal]

    /// Runs the comparison makes: rigid and flexible under each strategy.
    public static var runs: Int { strategies.count * DispatchConfig.Compute.allCases.count }

    /// Rigid then flexible, per strategy.
    public static func run(_ scenario: Scenario) throws -> [LabeledResult] {
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        return try strategies.flatMap { strategy in
            try DispatchConfig.Compute.allCases.map { compute in
                var variant = scenario
                variant.dispatch.strategy = strategy
                variant.dispatch.compute = compute
                let result = try CampusRun.run(variant, weather: weather, recordSeries: false)
                return LabeledResult(label: "\(strategy.rawValue), \(compute.rawValue)", result: result)
            }
        }
    }
}
