import Foundation
import HelioGrid
import HelioOptimize

/// `heliogrid reliability`: sequential Monte Carlo over sample-years. Each sample-year runs the
/// campus through the simulation engine and its dispatch strategy, with ``FailureEvents`` failing
/// and repairing gensets, battery strings and PV blocks, failing starts and drawing the fuel tank.
/// Samples are independent, each seeded from the run's seed and its index, and evaluated on all cores.
/// When the scenario defines a weather ensemble (``WeatherEnsemble``), sample-year `i` runs weather
/// year `i mod N` of its `N` years, so LOLE and EENS include the dark spells of bad years; the
/// fuel windows stay those of the first (typical) year.
public struct ReliabilityStudy: Sendable {
    /// The scenario, one year long.
    public let scenario: Scenario
    /// Failure, repair and fuel parameters.
    public let config: ReliabilityConfig
    /// The year's load, PV and derating, prepared once.
    public let inputs: SimulationInputs
    /// The inputs of each weather year sampled (`[inputs]` without an ensemble).
    public let weatherYears: [SimulationInputs]

    /// A study of `scenario` on `weather`, sampling the years of its weather ensemble when it defines one.
    public init(scenario: Scenario, weather: WeatherData) throws {
        try scenario.requireFixedCampus(for: "reliability")
        var oneYear = scenario
        oneYear.site.years = 1
        let inputs = try SimulationInputs.prepare(oneYear, weather: weather)
        var years = [inputs]
        if WeatherEnsemble.isDefined(by: oneYear) { years = try WeatherEnsemble(scenario: oneYear).inputs(of: oneYear) }
        try self.init(scenario: oneYear, inputs: inputs, weatherYears: years)
    }

    /// A study of `scenario` (run for one year) on prepared `inputs`, sampling `weatherYears` (the
    /// inputs alone when empty); the strategy must be one of the rule-based EMSs.
    public init(scenario: Scenario, inputs: SimulationInputs, weatherYears: [SimulationInputs] = []) throws {
        try scenario.requireFixedCampus(for: "reliability")
        guard scenario.dispatch.strategy.isRuleBased else {
            throw HelioError(.scenario, "reliability runs the rule-based strategies (rule, load-following, cycle-charging), "
                             + "not \(scenario.dispatch.strategy.rawValue): a sample-year must take milliseconds", file: scenario.source,
                             key: "dispatch.strategy")
        }
        var oneYear = scenario
        oneYear.site.years = 1
        self.scenario = oneYear
        config = scenario.reliability?.fitted(to: scenario) ?? ReliabilityConfig(scenario: scenario)
        self.inputs = inputs
        self.weatherYears = weatherYears.isEmpty ? [inputs] : weatherYears
    }

    /// The seed of sample `index` of a run seeded `seed`.
    public static func sampleSeed(_ seed: UInt64, index: Int) -> UInt64 {
        var mixer = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        return mixer.next()
    }

    /// The scenario's rule-based EMS.
    public func makeStrategy() -> RuleBasedDispatch {
        StrategyFactory.ruleBased(scenario)
    }

    /// One sample-year.
    public func sample(_ index: Int, seed: UInt64) -> ReliabilitySample {
        var events = FailureEvents(scenario: scenario, config: config, seed: Self.sampleSeed(seed, index: index))
        var strategy = makeStrategy()
        let year = weatherYears[index % weatherYears.count]
        let totals = SimulationEngine.run(scenario, inputs: year, strategy: &strategy, events: &events, recordSeries: false).totals
        return ReliabilitySample(
            lossOfLoadHours: totals.lossOfLoadHours, shortfalls: totals.lossOfLoadEvents, unservedKWh: totals.unservedKWh,
            loadKWh: totals.loadKWh, fuelL: totals.fuelL, failedStarts: events.failedStarts, lowestTankL: events.lowestTankL,
            deliveries: events.deliveries)
    }

    /// `samples` sample-years seeded from `seed`, on all cores; `progress` is told of each one done.
    public func run(samples: Int, seed: UInt64, progress: StudyProgress? = nil) async throws -> ReliabilityResult {
        let drawn = try await StudyWorkers.map(samples, progress: progress) { sample($0, seed: seed) }
        return result(of: drawn)
    }

    /// The estimates from `samples`, sample-years of this study, with the fuel windows of the plain year.
    public func result(of samples: [ReliabilitySample]) -> ReliabilityResult {
        ReliabilityResult(samples: samples, yearHours: inputs.axis.stepHours * Double(inputs.axis.stepsPerYear), fuelTankL: config.fuelTankL,
                          fuelWindows: fuelWindows())
    }

    /// The worst fuel windows of the year run with no failures and fuel unlimited (`nil` without gensets).
    public func fuelWindows() -> FuelWindows? {
        guard scenario.diesel != nil else { return nil }
        var strategy = makeStrategy()
        let series = SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: true).series!
        return FuelWindows(fuelL: series.fuelL, stepHours: inputs.axis.stepHours, config: config)
    }
}
