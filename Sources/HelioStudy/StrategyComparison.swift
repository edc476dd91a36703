import HelioGrid
import HelioOptimize

/// `compare --dispatch`: the same campus under every simulation strategy (``StrategyFactory``), on
/// inputs prepared once; each run's time covers planning and dispatch. Strategies are ranked on
/// their operating cost (``OperatingCost``), the objective they all answer to.
public enum StrategyComparison {
    /// The strategies compared, in table order.
    public static let strategies: [DispatchConfig.Strategy] = [.rule, .loadFollowing, .cycleCharging, .mpc, .optimal]

    /// One case per strategy.
    public static func run(_ scenario: Scenario) throws -> [LabeledResult] {
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        let inputs = try SimulationInputs.prepare(scenario, weather: weather)
        return try strategies.map { strategy in
            var variant = scenario
            variant.dispatch.strategy = strategy
            return LabeledResult(label: strategy.rawValue, result: try CampusRun.run(variant, weather: weather, inputs: inputs, recordSeries: false))
        }
    }
}
