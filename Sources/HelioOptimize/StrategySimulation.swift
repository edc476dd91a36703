import Foundation
import HelioGrid

/// Runs a scenario with any of the contract's strategies: `rule` (HelioGrid's rule-based EMS),
/// `optimal` (perfect foresight, ``OptimalDispatch``) or `mpc` (``MPCDispatch`` on clear-sky-index
/// PV and same-time-yesterday load forecasts). The runtime covers inputs, solving and dispatch.
public enum StrategySimulation {
    /// Runs `scenario` with its `[dispatch] strategy`.
    public static func run(_ scenario: Scenario, recordSeries: Bool) throws -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        let inputs = try SimulationInputs.prepare(scenario, weather: weather)
        var result = try run(scenario, weather: weather, inputs: inputs, recordSeries: recordSeries)
        result.runtimeMS = (clock.now - started).milliseconds
        return result
    }

    /// Runs `scenario` on prepared inputs (from `weather`) with its `[dispatch] strategy`; the
    /// runtime covers planning (the optimal LP is solved before the first step) and dispatch.
    public static func run(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs,
                           recordSeries: Bool) throws -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        var result = try dispatch(scenario, weather: weather, inputs: inputs, recordSeries: recordSeries)
        result.runtimeMS = (clock.now - started).milliseconds
        return result
    }

    private static func dispatch(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs,
                                 recordSeries: Bool) throws -> SimulationResult {
        switch scenario.dispatch.strategy {
        case .rule:
            return try Simulation.run(scenario, inputs: inputs, recordSeries: recordSeries)
        case .optimal:
            var strategy = try OptimalDispatch(scenario: scenario, inputs: inputs)
            return SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries)
        case .mpc:
            let clearSkyKW = scenario.pv.map { PVSystemModel(config: $0).acPowerKW(weather: ClearSkyWeather.make(from: weather), stepMinutes: inputs.axis.stepMinutes) }
                ?? Array(repeating: 0, count: inputs.axis.stepsPerYear)
            var strategy = MPCDispatch(
                scenario: scenario, stepMinutes: inputs.axis.stepMinutes,
                pvForecaster: ClearSkyIndexForecaster(clearSkyKW: clearSkyKW),
                loadForecaster: SameTimeYesterdayForecaster(stepMinutes: inputs.axis.stepMinutes),
                gridCarbonGPerKWh: inputs.gridCarbonGPerKWh)
            return SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries)
        }
    }
}
