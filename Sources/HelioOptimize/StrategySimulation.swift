import Foundation
import HelioGrid

/// Runs a scenario with any of the contract's strategies: `rule` (HelioGrid's rule-based EMS) or
/// `optimal` (perfect foresight, ``OptimalDispatch``). The runtime covers inputs, solving and dispatch.
public enum StrategySimulation {
    /// Runs `scenario` with its `[dispatch] strategy`.
    public static func run(_ scenario: Scenario, recordSeries: Bool) throws -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        let inputs = try SimulationInputs.prepare(scenario)
        var result = try run(scenario, inputs: inputs, recordSeries: recordSeries)
        result.runtimeMS = (clock.now - started).milliseconds
        return result
    }

    /// Runs `scenario` on prepared inputs with its `[dispatch] strategy`.
    public static func run(_ scenario: Scenario, inputs: SimulationInputs, recordSeries: Bool) throws -> SimulationResult {
        switch scenario.dispatch.strategy {
        case .rule:
            return try Simulation.run(scenario, inputs: inputs, recordSeries: recordSeries)
        case .optimal:
            var strategy = try OptimalDispatch(scenario: scenario, inputs: inputs)
            return SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries)
        case .mpc:
            throw HelioError(.usage, "dispatch 'mpc' (rolling-horizon MILP on forecasts) is not in this build yet; use 'rule' or 'optimal'",
                             file: scenario.source, key: "dispatch.strategy")
        }
    }
}
