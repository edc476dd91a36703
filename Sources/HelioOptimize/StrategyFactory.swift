import HelioGrid

/// The one place a dispatch strategy's name becomes a strategy, for every entry point: `simulate`,
/// `compare` and `report` (``simulation(_:weather:inputs:)``) and `serve` (``live(_:inputs:)``).
///
/// - `rule`, `load-following`, `cycle-charging`: the rule-based EMS (``RuleBasedDispatch``) with its
///   own genset loading, or HOMER's two strategies.
/// - `optimal`: perfect foresight over the whole run (``OptimalDispatch``), simulation only: it
///   needs the true load and PV of every step in advance.
/// - `mpc`: the receding-horizon planner (``MPCDispatch``) on the simulation grid with clear-sky-index
///   PV and same-time-yesterday load forecasts; live, on clock hours with forecasts from the
///   scenario's modelled year blended with the present measurement (``ModelYearForecaster``).
public enum StrategyFactory {
    /// Strategies a simulation runs.
    public static let simulationStrategies = DispatchConfig.Strategy.allCases
    /// Strategies the live EMS runs.
    public static let liveStrategies: [DispatchConfig.Strategy] = [.rule, .loadFollowing, .cycleCharging, .mpc]
    /// Hours over which the live PV forecast blends from the measurement back to the model.
    public static let livePVBlendHours = 6.0

    /// The scenario's `[dispatch] strategy` for a simulation on `inputs` (prepared from `weather`).
    public static func simulation(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) throws -> any DispatchStrategy {
        switch scenario.dispatch.strategy {
        case .rule, .loadFollowing, .cycleCharging:
            return ruleBased(scenario)
        case .optimal:
            return try OptimalDispatch(scenario: scenario, inputs: inputs)
        case .mpc:
            let axis = inputs.axis
            let (pv, load) = forecasters(scenario, weather: weather, inputs: inputs)
            let replanSteps = max(1, scenario.dispatch.stepMinutes / axis.stepMinutes)
            return MPCDispatch(
                scenario: scenario, planStepHours: axis.stepHours, replanHours: Double(replanSteps) * axis.stepHours,
                pvForecaster: pv, loadForecaster: load,
                gridCarbonForecaster: inputs.gridCarbonGPerKWh.isEmpty ? nil : ScheduleForecaster(values: inputs.gridCarbonGPerKWh),
                dieselRatingForecaster: inputs.gensetRatingFactor.isEmpty ? nil : ScheduleForecaster(values: inputs.gensetRatingFactor))
        }
    }

    /// The PV and load forecasters of a simulated MPC (`[dispatch] forecast`): persistence, or the
    /// true future — the run's load and PV (degraded year by year as the engine does) as a schedule.
    private static func forecasters(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) -> (pv: any Forecaster, load: any Forecaster) {
        let axis = inputs.axis
        switch scenario.dispatch.forecast {
        case .persistence:
            let clearSkyKW = scenario.pv.map { PVSystemModel(config: $0).acPowerKW(weather: ClearSkyWeather.make(from: weather), stepMinutes: axis.stepMinutes) }
                ?? Array(repeating: 0, count: axis.stepsPerYear)
            return (ClearSkyIndexForecaster(clearSkyKW: clearSkyKW), SameTimeYesterdayForecaster(stepMinutes: axis.stepMinutes))
        case .perfect:
            let lives = ComponentLives(scenario: scenario)
            let pv = (0..<scenario.site.years).flatMap { year in
                let factor = lives.pvFactor(ageYears: ComponentLives.pvAgeYears(yearIndex: year))
                return inputs.pvAvailableKW.map { $0 * factor }
            }
            let load = (0..<scenario.site.years).flatMap { _ in inputs.load.facilityKW }
            return (ScheduleForecaster(values: pv), ScheduleForecaster(values: load))
        }
    }

    /// The scenario's `[dispatch] strategy` for the live EMS, forecasting from `inputs`' modelled year.
    public static func live(_ scenario: Scenario, inputs: SimulationInputs) throws -> any DispatchStrategy {
        switch scenario.dispatch.strategy {
        case .rule, .loadFollowing, .cycleCharging:
            return ruleBased(scenario)
        case .optimal:
            throw HelioError(.usage, "serve runs rule, load-following, cycle-charging or mpc; optimal dispatch needs perfect foresight of the whole run",
                             file: scenario.source, key: "dispatch.strategy")
        case .mpc:
            let forecasts = LiveForecasts(scenario: scenario, inputs: inputs)
            return MPCDispatch(scenario: scenario, planStepHours: 1, replanHours: Double(scenario.dispatch.stepMinutes) / 60,
                               pvForecaster: forecasts.pv, loadForecaster: forecasts.load, gridCarbonForecaster: forecasts.gridCarbon,
                               dieselRatingForecaster: forecasts.dieselRating)
        }
    }

    /// The rule-based EMS under the policy the strategy names (`rule`, `load-following`, `cycle-charging`).
    private static func ruleBased(_ scenario: Scenario) -> RuleBasedDispatch {
        RuleBasedDispatch(config: scenario.dispatch, policy: RuleBasedDispatch.Policy(rawValue: scenario.dispatch.strategy.rawValue)!)
    }
}
