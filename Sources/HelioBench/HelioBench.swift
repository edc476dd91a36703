import Foundation
import HelioGrid
import HelioOptimize
import HelioStudy
import HelioTransients

/// `heliogrid-bench`: wall-clock figures against the speed budgets of docs/architecture.md. Build in release:
/// `swift run -c release heliogrid-bench`. Each figure is the minimum and median of several runs.
@main
struct HelioBench {
    /// Sections, in the order they run; `heliogrid-bench SECTION...` runs only those named.
    static let sections = ["pv", "optimiser", "solvers", "solvers-long", "grid", "campus", "sizing", "ensemble", "reliability", "transients", "staged"]

    static func main() async throws {
        let asked = Array(CommandLine.arguments.dropFirst())
        if let unknown = asked.first(where: { !sections.contains($0) }) {
            print("heliogrid-bench: unknown section '\(unknown)'; sections: \(sections.joined(separator: ", "))")
            exit(2)
        }
        let runs = asked.isEmpty ? Set(sections) : Set(asked)
        let scenario = try ScenarioLoader.loadDefault()
        print("HelioGrid benchmarks (\(isDebugBuild ? "DEBUG build: figures are not representative" : "release build"))")
        print("figure                                           min ms   median ms   budget ms")
        let weather = try measure("parse Phoenix TMY3 (8760 rows)", runs: 10, budgetMS: nil) {
            try WeatherLoader.load(path: scenario.site.weatherPath)
        }
        if runs.contains("pv") { pvFigures(weather: weather) }
        if runs.contains("optimiser") { try optimiserFigures(scenario: scenario, weather: weather) }
        if runs.contains("solvers") { try await SolverFigures.run(scenario: scenario, weather: weather) }
        if runs.contains("solvers-long") { try SolverFigures.runLong(scenario: scenario, weather: weather) }
        if runs.contains("grid") { try gridFigures(scenario: scenario, weather: weather) }
        if runs.contains("campus") { try campusFigures(scenario: scenario, weather: weather) }
        if runs.contains("sizing") { try await sizingFigures(scenario: scenario, weather: weather) }
        if runs.contains("ensemble") { try await ensembleFigures(scenario: scenario, weather: weather) }
        if runs.contains("reliability") { try await reliabilityFigures(scenario: scenario, weather: weather) }
        if runs.contains("transients") { try transientFigures(scenario: scenario, weather: weather) }
        if runs.contains("staged") { try StagedFigures.run() }
    }

    /// The default campus's transient study at its night operating point: one 60 s window at 1 ms,
    /// the in-band FFT of it, and the whole study (two runs and the sizing rule's searches).
    static func transientFigures(scenario: Scenario, weather: WeatherData) throws {
        let year = try CampusRun.run(scenario, weather: weather, recordSeries: true)
        let series = year.series!
        let study = try measure("transient study: 60 s at 1 ms, runs + sizing", runs: 5, budgetMS: nil) {
            try TransientsStudy(scenario: scenario, series: series, axis: year.axis)
        }
        let model = study.model, mitigation = model.configuredMitigation
        let trace = measure("transient window 60 s at 1 ms, one run", runs: 20, budgetMS: 100) { model.run(mitigation) }
        _ = measure("in-band fraction, FFT of 60,000 samples", runs: 20, budgetMS: nil) {
            VariationSpectrum.inBandFraction(trace.gensetKW, stepSeconds: trace.stepSeconds)
        }
        _ = measure("transient window run + its figures", runs: 20, budgetMS: 200) { TransientOutcome(model.run(mitigation), model: model) }
    }

    /// Sample-years of the default campus's reliability run (failures, repairs and fuel, rule EMS) on all cores.
    static func reliabilityFigures(scenario: Scenario, weather: WeatherData) async throws {
        let study = try ReliabilityStudy(scenario: scenario, weather: weather)
        let samples = 2_000
        var best = Double.infinity
        for _ in 0..<3 {
            let started = ContinuousClock.now
            _ = try await study.run(samples: samples, seed: 1)
            best = min(best, (ContinuousClock.now - started).milliseconds)
        }
        print("reliability: \(samples) sample-years on \(ProcessInfo.processInfo.activeProcessorCount) cores".padding(toLength: 48, withPad: " ", startingAt: 0)
              + String(format: "%7.0f ms, %.0f sample-years/s (target 10,000 in 60 s: 167/s)", best, Double(samples) / best * 1000))
    }

    /// The default sizing study's designs (each over the project's hourly years, rule EMS) on all cores.
    static func sizingFigures(scenario: Scenario, weather: WeatherData) async throws {
        let study = try SizingStudy(scenario: scenario, weather: weather)
        var best = Double.infinity
        for _ in 0..<3 {
            let started = ContinuousClock.now
            _ = try await study.evaluate(Array(study.designs.indices))
            best = min(best, (ContinuousClock.now - started).milliseconds)
        }
        let designYears = Double(study.designs.count * study.config.years)
        print("sizing: \(study.designs.count) designs × \(study.config.years) years on \(ProcessInfo.processInfo.activeProcessorCount) cores"
                  .padding(toLength: 48, withPad: " ", startingAt: 0)
              + String(format: "%7.0f ms, %.0f design-years/s (target 1,000)", best, designYears / best * 1000))
    }

    /// Weather ensembles (docs/weather.md): 100 synthetic years generated, `heliogrid ensemble`'s
    /// 100 years of the default campus, and the default sizing study's 504 designs (one battery
    /// policy) each judged on 100 synthetic years besides its project run (`limit_probability`).
    static func ensembleFigures(scenario: Scenario, weather: WeatherData) async throws {
        let years = 100
        let generator = try SyntheticWeather(source: weather, config: SyntheticWeatherConfig(years: years, seed: 1))
        _ = measure("synthetic weather: \(years) years", runs: 3, budgetMS: nil) { (0..<years).map { generator.year($0) } }
        var campus = scenario
        campus.syntheticWeather = generator.config
        let ensemble = try EnsembleStudy(scenario: campus, ensemble: try WeatherEnsemble(scenario: campus))
        _ = try await measureAsync("ensemble: \(years) years of the default campus", runs: 3) {
            try await ensemble.run(Array(0..<years))
        }
        guard var size = campus.size else { return }
        size.augmentation = [.replace]
        size.limitProbability = 0.9
        campus.size = size
        let started = ContinuousClock.now
        let study = try SizingStudy(scenario: campus, weather: weather)
        let prepared = (ContinuousClock.now - started).milliseconds
        let outcomes = try await study.evaluate(Array(study.designs.indices))
        let total = (ContinuousClock.now - started).milliseconds
        let yearsRun = Double(study.designs.count * (study.config.years + study.ensembleYears))
        print("sizing: \(study.designs.count) designs × (\(study.config.years) + \(study.ensembleYears) weather) years".padding(toLength: 48, withPad: " ", startingAt: 0)
              + String(format: "%7.0f ms (inputs %.0f ms), %.0f design-years/s, %d feasible (target 5 min)", total, prepared,
                       yearsRun / total * 1000, outcomes.filter(\.feasible).count))
    }

    /// The best and median wall time of `runs` runs of an async `body`, printed like ``measure(_:runs:budgetMS:_:)``.
    static func measureAsync<T>(_ label: String, runs: Int, _ body: () async throws -> T) async rethrows -> T {
        var times: [Double] = [], result: T?
        for _ in 0..<runs {
            let started = ContinuousClock.now
            result = try await body()
            times.append((ContinuousClock.now - started).milliseconds)
        }
        times.sort()
        print(label.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: "%7.1f   %9.1f", times[0], times[times.count / 2]))
        return result!
    }

    /// The PV model alone, one year hourly.
    static func pvFigures(weather: WeatherData) {
        for tracking in [PVConfig.Tracking.fixed, .singleAxis] {
            var config = PVConfig(dcKW: 1000)
            config.tracking = tracking
            config.tiltDeg = tracking == .fixed ? 25 : 0
            _ = measure("PV model, one year hourly, \(tracking.rawValue)", runs: 20, budgetMS: 5) {
                PVSystemModel(config: config).acPowerKW(weather: weather, stepMinutes: 60)
            }
        }
    }

    /// Perfect-foresight LP for a year, one MPC re-plan, and a year of MPC.
    static func optimiserFigures(scenario: Scenario, weather: WeatherData) throws {
        let yearInputs = try SimulationInputs.prepare(scenario, weather: weather)
        let horizon = DispatchHorizon(stepHours: 1, loadKW: yearInputs.load.facilityKW, pvAvailableKW: yearInputs.pvAvailableKW,
                                      initialEnergyKWh: scenario.battery!.energyKWh * scenario.battery!.socInitial,
                                      capacityKWh: scenario.battery!.energyKWh)
        let plan = try measure("optimal dispatch, a year hourly, LP (default)", runs: 3, budgetMS: 1000) {
            try DispatchProblem(scenario: scenario, integerCommitment: false).solve(horizon)
        }
        print("  solver \(String(format: "%.0f", plan.solveSeconds * 1000)) ms of the last run; 8760 hourly steps")
        var mpcScenario = scenario
        mpcScenario.dispatch.strategy = .mpc
        let window = DispatchHorizon(stepHours: 1, loadKW: Array(yearInputs.load.facilityKW[4000..<4048]),
                                     pvAvailableKW: Array(yearInputs.pvAvailableKW[4000..<4048]),
                                     initialEnergyKWh: scenario.battery!.energyKWh * 0.3, capacityKWh: scenario.battery!.energyKWh)
        let replan = try measure("MPC re-plan, 48 hourly steps, cold MILP", runs: 9, budgetMS: 50) {
            try DispatchProblem(scenario: scenario, integerCommitment: true, integerSteps: Int(MPCDispatch.integerHours),
                                timeLimitSeconds: MPCDispatch.replanTimeLimitSeconds).solve(window)
        }
        print("  solver \(String(format: "%.1f", replan.solveSeconds * 1000)) ms of it")
        let members = [0, 2, 4].map { day in
            DispatchHorizon(stepHours: 1, loadKW: Array(yearInputs.load.facilityKW[(4000 + day * 24)..<(4048 + day * 24)]),
                            pvAvailableKW: Array(yearInputs.pvAvailableKW[(4000 + day * 24)..<(4048 + day * 24)]),
                            initialEnergyKWh: scenario.battery!.energyKWh * 0.3, capacityKWh: scenario.battery!.energyKWh)
        }
        _ = try measure("MPC re-plan, 3 forecast members × 48 hourly steps, cold MILP", runs: 9, budgetMS: 50) {
            try DispatchProblem(scenario: scenario, integerCommitment: true, integerSteps: Int(MPCDispatch.integerHours),
                                timeLimitSeconds: MPCDispatch.replanTimeLimitSeconds).solve(members: members)
        }
        for count in [1, 3] {
            mpcScenario.dispatch.forecastMembers = count
            var mpc = try StrategyFactory.simulation(mpcScenario, weather: weather, inputs: yearInputs)
            _ = measure("MPC, a year hourly (re-plan every hour), \(count) forecast member\(count == 1 ? "" : "s")", runs: 1,
                        budgetMS: count == 1 ? 30_000 : 60_000) {
                SimulationEngine.run(mpcScenario, inputs: yearInputs, strategy: &mpc, recordSeries: false)
            }
            if let planner = mpc as? MPCDispatch {
                print(String(format: "  %d re-plans (48 h + 120 h look-ahead, warm-started): mean %.2f ms, longest %.1f ms; solver %.2f ms mean",
                             planner.replans, planner.replanSeconds * 1000 / Double(max(1, planner.replans)), planner.longestReplanSeconds * 1000,
                             planner.solveSeconds * 1000 / Double(max(1, planner.replans))))
            }
        }
    }

    /// The default campus behind a 10 MW connection with a weekday time-of-use tariff (0.24 USD/kWh
    /// from 16:00 to 21:00, 0.07 otherwise, exports 0.03) and a 15 USD/kW-month demand charge, as
    /// examples/campus-grid: the year LP with its monthly peak variables.
    static func gridFigures(scenario: Scenario, weather: WeatherData) throws {
        var grid = scenario
        grid.grid.enabled = true
        grid.grid.importKW = 10_000
        grid.grid.exportKW = 10_000
        grid.grid.exportPricePerKWh = 0.03
        grid.grid.demandChargePerKWMonth = 15
        var inputs = try SimulationInputs.prepare(grid, weather: weather)
        // 1 January of the base year is a Thursday (day 3 of a Monday-first week), as in the example's tariff.
        inputs.gridPricePerKWh = (0..<inputs.axis.stepsPerYear).map { step in
            let day = step / 24, hour = step % 24
            return (day + 3) % 7 < 5 && (16..<21).contains(hour) ? 0.24 : 0.07
        }
        inputs.gridExportPricePerKWh = Array(repeating: 0.03, count: inputs.axis.stepsPerYear)
        let optimal = try measure("optimal, a year, TOU + demand charge, LP", runs: 3, budgetMS: nil) {
            try OptimalDispatch(scenario: grid, inputs: inputs)
        }
        print("  solver \(String(format: "%.0f", optimal.plan.solveSeconds * 1000)) ms of the last run; 8760 steps, 12 monthly peaks")
    }

    /// The whole campus with rule-based dispatch at 60 and 1-minute steps.
    static func campusFigures(scenario: Scenario, weather: WeatherData) throws {
        for (step, runs, budget) in [(60, 20, 10.0), (1, 5, 500.0)] {
            var stepped = scenario
            stepped.site.timestepMinutes = step
            let inputs = try measure("campus inputs (PV + load) at \(step) min", runs: runs, budgetMS: nil) {
                try SimulationInputs.prepare(stepped, weather: weather)
            }
            _ = try measure("campus year at \(step) min, rule dispatch", runs: runs, budgetMS: nil) {
                try CampusRun.run(stepped, weather: weather, inputs: inputs, recordSeries: false)
            }
            _ = try measure("campus year at \(step) min, inputs + dispatch", runs: runs, budgetMS: budget) {
                try CampusRun.run(stepped, weather: weather, recordSeries: false)
            }
        }
    }

    /// Runs `body` `runs` times and prints the minimum and median wall time; returns the last result.
    static func measure<T>(_ label: String, runs: Int, budgetMS: Double?, _ body: () throws -> T) rethrows -> T {
        var times: [Double] = []
        var result: T?
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let start = clock.now
            result = try body()
            let elapsed = clock.now - start
            times.append(elapsed.milliseconds)
        }
        times.sort()
        let budget = budgetMS.map { String(format: "%9.0f", $0) } ?? "         "
        print(label.padding(toLength: 48, withPad: " ", startingAt: 0)
              + String(format: "%7.2f   %9.2f   ", times[0], times[times.count / 2]) + budget)
        return result!
    }

    static var isDebugBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }
}
