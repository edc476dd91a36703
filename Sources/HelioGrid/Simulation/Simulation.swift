/// The front door of the engine: prepare inputs, pick the scenario's strategy, run.
public enum Simulation {
    /// Runs `scenario` end to end with its `[dispatch] strategy`; the result's runtime covers
    /// reading the weather, the PV and load models and the dispatch loop.
    public static func run(_ scenario: Scenario, recordSeries: Bool) throws -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        let inputs = try SimulationInputs.prepare(scenario)
        let preparation = clock.now - started
        var result = try run(scenario, inputs: inputs, recordSeries: recordSeries)
        result.runtimeMS += preparation.milliseconds
        return result
    }

    /// Runs `scenario` on prepared inputs with its `[dispatch] strategy`.
    public static func run(_ scenario: Scenario, inputs: SimulationInputs, recordSeries: Bool) throws -> SimulationResult {
        switch scenario.dispatch.strategy {
        case .rule:
            var strategy = RuleBasedDispatch(config: scenario.dispatch)
            return SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries)
        case .optimal, .mpc:
            throw HelioError(.usage,
                             "dispatch '\(scenario.dispatch.strategy.rawValue)' needs the LP/MILP optimiser: run it through HelioOptimize's StrategySimulation",
                             file: scenario.source, key: "dispatch.strategy")
        }
    }
}
