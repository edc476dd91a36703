import HelioGrid
import HelioOptimize

/// `compare --dispatch`: the same campus under every simulation strategy (``StrategyFactory``), on
/// inputs prepared once; each run's time covers planning and dispatch. Strategies are ranked on
/// their operating cost (``OperatingCost``), the objective they all answer to. Perfect foresight
/// runs twice: with commitment relaxed (`optimal (relaxed)`: its LP's cost is the lower bound on
/// any dispatch's, but its plan carried out by whole units is not an optimum) and with whole units
/// (`optimal (whole units)`: a MILP per year to `[solver] mip_gap`, the commitment-feasible
/// reference). Every run's ``PlanningRecord/savingsCaptured`` is measured against that reference:
/// (rule − run) / (rule − whole units).
public enum StrategyComparison {
    /// The strategies compared, in table order (perfect foresight twice: relaxed, then whole units).
    public static let strategies: [DispatchConfig.Strategy] = [.rule, .loadFollowing, .cycleCharging, .mpc, .optimal]
    /// Runs in a comparison: every strategy, and perfect foresight with whole units.
    public static var runs: Int { strategies.count + 1 }

    /// One case per strategy, then the commitment-feasible reference, each with its savings captured.
    public static func run(_ scenario: Scenario) throws -> [LabeledResult] {
        guard scenario.site.weatherYears == .ensemble else {
            throw HelioError(.scenario, "compare --dispatch runs every strategy on one weather year (optimal and mpc plan on one): "
                             + "set weather_years = \"ensemble\" to compare on the first file", file: scenario.source, key: "site.weather_years")
        }
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        return try run(scenario, weather: weather, inputs: try SimulationInputs.prepare(scenario, weather: weather))
    }

    /// The comparison on inputs already prepared from `weather`.
    public static func run(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) throws -> [LabeledResult] {
        let cases = strategies.map { strategy -> (String, Scenario) in
            var variant = scenario
            variant.dispatch.strategy = strategy
            if strategy == .optimal { variant.dispatch.commitment = .relaxed }
            return (strategy == .optimal ? "optimal (relaxed)" : strategy.rawValue, variant)
        } + [("optimal (whole units)", wholeUnits(scenario))]
        var rows = try cases.map { label, variant in
            LabeledResult(label: label, result: try CampusRun.run(variant, weather: weather, inputs: inputs, recordSeries: false))
        }
        let rule = OperatingCost.of(rows[0].result), reference = OperatingCost.of(rows[rows.count - 1].result)
        for index in rows.indices where rule != reference {
            let cost = OperatingCost.of(rows[index].result)
            rows[index].result.planning?.savingsCaptured = (rule - cost) / (rule - reference)
        }
        return rows
    }

    /// `scenario` under perfect foresight with whole units.
    static func wholeUnits(_ scenario: Scenario) -> Scenario {
        var whole = scenario
        whole.dispatch.strategy = .optimal
        whole.dispatch.commitment = .whole
        return whole
    }
}
