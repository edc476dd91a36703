import HelioForecast
import HelioGrid
import HelioOptimize

/// The front door of the engine: a scenario run end to end with its `[dispatch] strategy`, the
/// strategy made by ``StrategyFactory`` and stepped by ``SimulationEngine``. Each entry point
/// measures its own work once, here, into ``SimulationResult/runtimeMS``: reading the weather and
/// preparing the inputs where it does them, planning (the optimal LP is solved before the first
/// step) and the dispatch loop.
public enum CampusRun {
    /// Reads the scenario's weather (every file of consecutive weather years), prepares the inputs and
    /// runs; `onYear` receives each year's
    /// step series as it ends (``SimulationEngine/YearSink``).
    public static func run(_ scenario: Scenario, recordSeries: Bool, onYear: SimulationEngine.YearSink? = nil) throws -> SimulationResult {
        try timed {
            let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
            return try dispatch(scenario, weather: weather, inputs: try SimulationInputs.prepareRun(scenario, weather: weather),
                                recordSeries: recordSeries, onYear: onYear)
        }
    }

    /// Prepares the inputs from already-read `weather` (the scenario's first file; its later files'
    /// too when they are consecutive years) and runs.
    public static func run(_ scenario: Scenario, weather: WeatherData, recordSeries: Bool,
                           onYear: SimulationEngine.YearSink? = nil) throws -> SimulationResult {
        try timed {
            try dispatch(scenario, weather: weather, inputs: try SimulationInputs.prepareRun(scenario, weather: weather),
                         recordSeries: recordSeries, onYear: onYear)
        }
    }

    /// Runs on prepared `inputs` (from `weather`): planning and dispatch only.
    public static func run(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs, recordSeries: Bool) throws -> SimulationResult {
        try timed { try dispatch(scenario, weather: weather, inputs: inputs, recordSeries: recordSeries) }
    }

    private static func dispatch(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs,
                                 recordSeries: Bool, onYear: SimulationEngine.YearSink? = nil) throws -> SimulationResult {
        try scenario.checkStages()
        let counter = StepCounter.current
        counter?.begin(phase: "planning \(scenario.dispatch.strategy.rawValue) dispatch")
        var strategy = try StrategyFactory.simulation(scenario, weather: weather, inputs: inputs)
        counter?.begin(phase: nil)
        var result = SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries, onYear: onYear)
        if scenario.dispatch.strategy == .mpc { result.forecastSkill = try forecastSkill(scenario, weather: weather, inputs: inputs) }
        result.planning = PlanningRecord(strategy: strategy, result: result)
        result.designBasis = DesignBasis.tightest(scenario: scenario, weather: weather, inputs: inputs)
        return result
    }

    /// Hours ahead forecasts are scored over.
    public static let skillLeadHours = 24.0

    /// The skill of the MPC's PV and load forecasters on the run, against the reference forecasters.
    private static func forecastSkill(_ scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) throws -> [ForecastSkill] {
        let used = try StrategyFactory.forecasters(scenario, weather: weather, inputs: inputs)
        let reference = StrategyFactory.referenceForecasters(scenario, weather: weather, inputs: inputs)
        let truth = inputs.wholeRun(scenario)
        let hours = inputs.axis.stepHours
        var skills = [
            ForecastEvaluation.skill(quantity: "pv", used.pv.forecaster, name: used.pv.name, reference: reference.pv.forecaster,
                                     referenceName: reference.pv.name, truth: truth.pvAvailableKW, stepHours: hours, leadHours: skillLeadHours),
            ForecastEvaluation.skill(quantity: "load", used.load.forecaster, name: used.load.name, reference: reference.load.forecaster,
                                     referenceName: reference.load.name, truth: truth.loadKW, stepHours: hours, leadHours: skillLeadHours),
        ]
        guard let ensemble = StrategyFactory.ensemble(scenario, pv: used.pv.forecaster, load: used.load.forecaster, weather: weather, inputs: inputs)
        else { return skills }
        let crps = ForecastEvaluation.ensembleCRPS(pv: used.pv.forecaster, load: used.load.forecaster, ensemble: ensemble,
                                                   truthPV: truth.pvAvailableKW, truthLoad: truth.loadKW, stepHours: hours, leadHours: skillLeadHours)
        for index in skills.indices {
            skills[index].members = ensemble.members
            skills[index].crpsKW = index == 0 ? crps.pvKW : crps.loadKW
        }
        return skills
    }

    private static func timed(_ body: () throws -> SimulationResult) rethrows -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        var result = try body()
        result.runtimeMS = (clock.now - started).milliseconds
        return result
    }
}
