import HelioForecast
import HelioGrid

/// The one place a dispatch strategy's name becomes a strategy, for every entry point: `simulate`,
/// `compare` and `report` (``simulation(_:weather:inputs:)``) and `serve` (``live(_:inputs:weather:)``).
///
/// - `rule`, `load-following`, `cycle-charging`: the rule-based EMS (``RuleBasedDispatch``) with its
///   own genset loading, or HOMER's two strategies.
/// - `optimal`: perfect foresight over the whole run (``OptimalDispatch``), simulation only: it
///   needs the true load and PV of every step in advance.
/// - `mpc`: the receding-horizon planner (``MPCDispatch``) on the simulation grid with the forecasts
///   `[dispatch] forecast` names (``forecasters(_:weather:inputs:)``); live, on clock hours with forecasts from the
///   scenario's modelled year blended with the present measurement (``ModelYearForecaster``); grid
///   prices from the tariff (`[dispatch] price_forecast` in simulation; the tariff itself live).
public enum StrategyFactory {
    /// Strategies a simulation runs.
    public static let simulationStrategies = DispatchConfig.Strategy.allCases
    /// Strategies the live EMS runs.
    public static let liveStrategies: [DispatchConfig.Strategy] = [.rule, .loadFollowing, .cycleCharging, .mpc]

    /// The scenario's `[dispatch] strategy` for a simulation on `inputs` (prepared from `weather`).
    public static func simulation(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) throws -> any DispatchStrategy {
        switch scenario.dispatch.strategy {
        case .rule, .loadFollowing, .cycleCharging:
            return ruleFamily(scenario)
        case .optimal:
            return try OptimalDispatch(scenario: scenario, inputs: inputs)
        case .mpc:
            let axis = inputs.axis
            let (pv, load) = try forecasters(scenario, weather: weather, inputs: inputs)
            let replanSteps = max(1, scenario.dispatch.stepMinutes / axis.stepMinutes)
            return MPCDispatch(
                scenario: scenario, planStepHours: axis.stepHours, replanHours: Double(replanSteps) * axis.stepHours,
                pvForecaster: pv.forecaster, loadForecaster: load.forecaster,
                gridCarbonForecaster: inputs.gridCarbonGPerKWh.isEmpty ? nil : ScheduleForecaster(values: inputs.gridCarbonGPerKWh),
                dieselRatingForecaster: inputs.gensetRatingFactor.isEmpty ? nil : ScheduleForecaster(values: inputs.gensetRatingFactor),
                compute: inputs.compute, importPriceForecaster: priceForecaster(scenario, inputs.gridPricePerKWh, axis: axis),
                exportPriceForecaster: priceForecaster(scenario, inputs.gridExportPricePerKWh, axis: axis),
                tariff: demandTariff(scenario, inputs: inputs, months: BillingMonths(simulation: axis)),
                runPlanSteps: axis.stepsPerYear * scenario.site.years, ensemble: ensemble(scenario, pv: pv.forecaster, load: load.forecaster,
                                                                                         weather: weather, inputs: inputs))
        }
    }

    /// The MPC's tariff in `months` when the grid has a demand charge (`nil` otherwise: the plans then
    /// carry no month peak, and the tariff's price classes would be computed for nothing).
    private static func demandTariff(_ scenario: Scenario, inputs: SimulationInputs, months: BillingMonths) -> GridTariff? {
        guard let grid = scenario.connectedGrid, grid.demandChargePerKWMonth > 0 else { return nil }
        return GridTariff(grid: grid, inputs: inputs, battery: scenario.battery, months: months)
    }

    /// A simulated MPC's forecaster of `prices` (per step of the year; empty without a grid): the
    /// tariff itself as a perfect day-ahead forecast, or yesterday's price at the same time
    /// (`[dispatch] price_forecast`).
    static func priceForecaster(_ scenario: Scenario, _ prices: [Double], axis: TimeAxis) -> (any Forecaster)? {
        guard !prices.isEmpty else { return nil }
        switch scenario.dispatch.priceForecast {
        case .dayAhead: return ScheduleForecaster(values: prices)
        case .persistence: return SameTimeYesterdayForecaster(stepMinutes: axis.stepMinutes)
        }
    }

    /// A forecaster and its name in reports.
    public typealias NamedForecaster = (name: String, forecaster: any Forecaster)

    /// The PV and load forecasters of a simulated MPC (`[dispatch] forecast`): `blend` (PV from the
    /// clear-sky index blended with climatology; load from the job schedule and temperature for a
    /// modelled GPU cluster, the same time yesterday for a load CSV), `persistence`, or the true
    /// future — the run's load and PV (degraded year by year as the engine does) as a schedule.
    public static func forecasters(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) throws -> (pv: NamedForecaster, load: NamedForecaster) {
        let axis = inputs.axis
        let yesterday: NamedForecaster = ("same time yesterday", SameTimeYesterdayForecaster(stepMinutes: axis.stepMinutes))
        switch scenario.dispatch.forecast {
        case .blend:
            let leadHours = scenario.dispatch.horizonHours + scenario.dispatch.lookaheadHours
            let pv: NamedForecaster = ("clear-sky index, persistence blended with climatology",
                                       ClimatologyBlendForecaster(clearSkyKW: clearSkyKW(scenario, weather: weather, axis: axis),
                                                                  pvKW: inputs.pvAvailableKW, stepMinutes: axis.stepMinutes, maxLeadHours: leadHours))
            return (pv, try scheduledLoad(scenario, weather: weather, inputs: inputs, maxLeadHours: leadHours) ?? yesterday)
        case .persistence:
            return (("clear-sky index persisted", ClearSkyIndexForecaster(clearSkyKW: clearSkyKW(scenario, weather: weather, axis: axis))), yesterday)
        case .perfect:
            let run = inputs.wholeRun(scenario)
            return (("perfect", ScheduleForecaster(values: run.pvAvailableKW)), ("perfect", ScheduleForecaster(values: run.loadKW)))
        }
    }

    /// The analog ensemble a simulated MPC hedges across when `[dispatch] forecast_members` asks for
    /// more than one member (`nil` otherwise, and for perfect forecasts, which have no error): the
    /// point forecasters `pv` and `load` replayed over the run's first year.
    public static func ensemble(_ scenario: Scenario, pv: any Forecaster, load: any Forecaster, weather: WeatherData,
                                inputs: SimulationInputs, yearStep: (@Sendable (Int) -> Int)? = nil) -> AnalogEnsemble? {
        let dispatch = scenario.dispatch
        guard dispatch.forecastMembers > 1, dispatch.forecast != .perfect else { return nil }
        let axis = inputs.axis
        let leads = Int(((dispatch.horizonHours + dispatch.lookaheadHours) * 60 / Double(axis.stepMinutes)).rounded())
        return AnalogEnsemble(pvForecaster: pv, pvKW: inputs.pvAvailableKW, clearSkyKW: clearSkyKW(scenario, weather: weather, axis: axis),
                              loadForecaster: load, loadKW: inputs.load.facilityKW, stepMinutes: axis.stepMinutes,
                              leads: max(1, leads), members: dispatch.forecastMembers, yearStep: yearStep)
    }

    /// The analog ensemble of the live MPC (and of the forward plan's bands): the simulation's `blend`
    /// forecasters replayed over the modelled year `inputs` (from `weather`), each clock hour placed at
    /// its hour of that year; the live forecasts (the model year, the measurement, a weather forecast
    /// received) are the members' centre. `nil` unless the scenario runs `mpc` with more than one
    /// member on an hourly modelled year (the live plan's step).
    public static func liveEnsemble(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) throws -> AnalogEnsemble? {
        guard scenario.dispatch.strategy == .mpc, inputs.axis.stepMinutes == 60 else { return nil }
        var blend = scenario
        blend.dispatch.forecast = .blend
        let (pv, load) = try forecasters(blend, weather: weather, inputs: inputs)
        let axis = inputs.axis
        return ensemble(blend, pv: pv.forecaster, load: load.forecaster, weather: weather, inputs: inputs,
                        yearStep: { axis.stepIndex(at: PlantTime(hourIndex: $0)) })
    }

    /// The references forecast skill is scored against: clear-sky-index persistence for PV ("smart
    /// persistence"), the latest value for load.
    public static func referenceForecasters(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) -> (pv: NamedForecaster, load: NamedForecaster) {
        (("clear-sky index persisted", ClearSkyIndexForecaster(clearSkyKW: clearSkyKW(scenario, weather: weather, axis: inputs.axis))),
         ("latest value", PersistenceForecaster()))
    }

    /// The job-schedule load forecaster of a modelled GPU cluster (`nil` for a load CSV, whose schedule is unknown).
    private static func scheduledLoad(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs, maxLeadHours: Double) throws -> NamedForecaster? {
        guard scenario.load.kind == .gpuCluster else { return nil }
        let axis = inputs.axis, model = GPUClusterLoad(config: scenario.load)
        let forecaster = ScheduledLoadForecaster(
            plannedITKW: try model.itPowerKW(axis: axis, planned: true), facilityKW: inputs.load.facilityKW,
            ambientC: WeatherResampler.resample(weather.tempC, fromMinutes: weather.stepMinutes, toMinutes: axis.stepMinutes),
            cooling: CoolingModel(config: scenario.load.cooling), designITKW: model.peakITKW, auxiliaryKW: inputs.load.batteryAuxiliaryKW,
            stepMinutes: axis.stepMinutes, maxLeadHours: maxLeadHours)
        return ("job schedule and temperature, departure persisted", forecaster)
    }

    /// The plant's PV output under clear skies at every step of a year, kW (zeros without PV).
    private static func clearSkyKW(_ scenario: Scenario, weather: WeatherData, axis: TimeAxis) -> [Double] {
        scenario.pv.map { PVSystemModel(config: $0).acPowerKW(weather: ClearSkyWeather.make(from: weather), stepMinutes: axis.stepMinutes) }
            ?? Array(repeating: 0, count: axis.stepsPerYear)
    }

    /// The scenario's `[dispatch] strategy` for the live EMS, forecasting from `inputs`' modelled year
    /// and, for the hours it covers, the latest weather forecast in `weather`; an MPC hedges across
    /// `ensemble`'s members (``liveEnsemble(_:weather:inputs:)``) when given.
    public static func live(_ scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay? = nil,
                            ensemble: AnalogEnsemble? = nil) throws -> any DispatchStrategy {
        switch scenario.dispatch.strategy {
        case .rule, .loadFollowing, .cycleCharging:
            return ruleBased(scenario)
        case .optimal:
            throw HelioError(.usage, "serve runs rule, load-following, cycle-charging or mpc; optimal dispatch needs perfect foresight of the whole run",
                             file: scenario.source, key: "dispatch.strategy")
        case .mpc:
            let forecasts = LiveForecasts(scenario: scenario, inputs: inputs, weather: weather)
            return MPCDispatch(scenario: scenario, planStepHours: 1, replanHours: Double(scenario.dispatch.stepMinutes) / 60,
                               pvForecaster: forecasts.pv, loadForecaster: forecasts.load, gridCarbonForecaster: forecasts.gridCarbon,
                               dieselRatingForecaster: forecasts.dieselRating, importPriceForecaster: forecasts.importPrice,
                               exportPriceForecaster: forecasts.exportPrice,
                               tariff: demandTariff(scenario, inputs: inputs,
                                                    months: BillingMonths(liveStepHours: 1, utcOffsetMinutes: inputs.axis.utcOffsetMinutes)),
                               ensemble: ensemble)
        }
    }

    /// The rule-based EMS of the scenario's strategy (``ruleBased(_:)``), deferring flexible GPU work
    /// when `[dispatch] compute = "flexible"`: a simulation strategy that needs no weather or plan.
    public static func ruleFamily(_ scenario: Scenario) -> any DispatchStrategy {
        guard scenario.dispatch.compute == .flexible else { return ruleBased(scenario) }
        return FlexibleComputeDispatch(base: ruleBased(scenario), costs: ComputeCosts(scenario: scenario))
    }

    /// The rule-based EMS under the policy the strategy names (`rule`, `load-following`, `cycle-charging`;
    /// `rule` for the others, whose fallback it is).
    public static func ruleBased(_ scenario: Scenario) -> RuleBasedDispatch {
        RuleBasedDispatch(scenario: scenario, policy: RuleBasedDispatch.Policy(scenario.dispatch.strategy) ?? .targetLoading)
    }
}
