import Foundation
import HelioGrid
import HelioLP
import HelioOptimize

/// `heliogrid size` for a campus that grows or a plant bought in stages (`[size] stages`): which
/// plant to buy at each stage for the least objective with every year within the limits.
///
/// Two parts, as the single-stage study: the multi-period LP (``StagedCapacityExpansion``) bounds
/// every staged design's NPC from below and gives the search its first design; the search then
/// simulates whole staged designs — the plant installed by each stage taken from the `[size]`
/// lists, never falling — over every project year with the rule-based EMS, the load phase and the
/// plant in force each year, and climbs from design to better neighbour (one list step up or down at
/// one stage, alone or with every later stage) until none is better, for each battery duration,
/// genset rating and augmentation policy. Limits hold in every year (`limit_basis` does not apply:
/// each year is judged), N + 1 on each year's design day.
public struct StagedSizingStudy: Sendable {
    /// The scenario judged (its strategy the study's, every project year simulated).
    public let scenario: Scenario
    /// `[size]`.
    public let config: SizeConfig
    /// The scenario's own `[[expansions]]` (its reference design's later stages).
    public let ownExpansions: [PlantExpansion]
    /// The inputs of 1 kWdc of PV without a battery, each year's load (``SimulationInputs/laterYears``).
    private let baseInputs: SimulationInputs
    /// Each project year's design day: demand at nameplate IT, kW, and the gensets' rating factor.
    private let designDays: [(facilityKW: Double, ratingFactor: Double)]

    /// Prepares the study of `scenario` (with `[size]`) on `weather`.
    public init(scenario: Scenario, weather: WeatherData) throws {
        guard let config = scenario.size else {
            throw HelioError(.scenario, "heliogrid size needs a [size] section naming the sizes to search", file: scenario.source, key: "size")
        }
        var base = scenario
        base.dispatch.strategy = config.dispatch
        base.site.years = scenario.economics.projectYears
        ownExpansions = scenario.expansions
        base.expansions = []
        try base.checkStages()
        var reference = base
        reference.battery = nil
        reference.pv = base.pv.map { var pv = $0; pv.dcKW = 1; return pv } ?? PVConfig(dcKW: 1)
        reference.diesel = base.diesel ?? DieselConfig(units: config.dieselUnits.max() ?? 1, unitKW: config.dieselUnitKW[0])
        let inputs = try SimulationInputs.prepareRun(reference, weather: weather)
        designDays = (1...base.site.years).map { year in
            var campus = reference
            campus.load = reference.load.inForce(year: year)
            let basis = DesignBasis(scenario: campus, weather: weather, load: inputs.year(year - 1).load)
            return (basis.facilityKW, basis.gensetRatingFactor)
        }
        self.scenario = base
        self.config = config
        baseInputs = inputs
    }

    /// The scenario with its own expansions: the reference design.
    public var scenarioWithOwnExpansions: Scenario {
        var own = scenario
        own.expansions = ownExpansions
        return own
    }

    /// The spans of years the LP bound dispatches: split wherever a stage begins or a load phase does.
    public var spans: [StagedCapacityYear] {
        let breaks = Array(Set(config.stages + scenario.load.phases.map(\.year))).sorted()
        return breaks.indices.map { index in
            let first = breaks[index], last = index + 1 < breaks.count ? breaks[index + 1] - 1 : scenario.site.years
            let year = baseInputs.year(first - 1)
            let designDay = (first...last).map { designDays[$0 - 1] }
            return StagedCapacityYear(years: first...last, loadKW: year.load.facilityKW, pvPerKW: year.pvAvailableKW,
                                      ratingFactor: year.gensetRatingFactors, peakLoadKW: designDay.map(\.facilityKW).max()!,
                                      lowestRatingFactor: designDay.map(\.ratingFactor).min()!)
        }
    }

    /// The multi-period LP bound (`nil` when the objective is not NPC or the campus has a grid, or when
    /// no staged sizes within the lists' spans meet the limits: the search then starts from the
    /// scenario's own plant, and its designs fail the limits too, which the ranking shows).
    public func bound() throws -> StagedCapacityBound? {
        do {
            return try StagedCapacityExpansion.solve(scenario, config: config, spans: spans)
        } catch let error as OptimizationError where error.kind == .infeasible {
            return nil
        }
    }

    /// Simulates `design` over the whole life with the rule-based EMS and judges it by every year.
    public func evaluate(_ design: StagedDesign) throws -> StagedOutcome {
        let designScenario = design.applied(to: scenario)
        let inputs = SizingStudy.inputs(baseInputs, of: design.stage(0), scenario: designScenario)
        var strategy = StrategyFactory.ruleFamily(designScenario)
        let result = SimulationEngine.run(designScenario, inputs: inputs, strategy: &strategy, recordSeries: false)
        return judge(design, result: result, scenario: designScenario)
    }

    private func judge(_ design: StagedDesign, result: SimulationResult, scenario designScenario: Scenario) -> StagedOutcome {
        let yearly = result.yearly
        let economics = LifetimeEconomics(result: result)
        let lifetimeT = SizingOutcome.lifetimeEmissionsT(result, projectYears: scenario.economics.projectYears)
        let unserved = yearly.map { $0.loadKWh > 0 ? $0.unservedKWh / $0.loadKWh : 0 }
        let intensity = yearly.map(\.intensityGPerKWh)
        let stages = PlantStages(scenario: designScenario)
        let margins = (0..<yearly.count).map { index -> (redundantKW: Double, peakKW: Double) in
            let units = stages.installed(yearIndex: index).dieselUnits
            return (Double(max(0, units - 1)) * design.dieselUnitKW * designDays[index].ratingFactor, designDays[index].facilityKW)
        }
        let tightest = margins.min { $0.redundantKW - $0.peakKW < $1.redundantKW - $1.peakKW }!
        let objective: Double = switch config.objective {
        case .npc: economics.npc
        case .lcoe: economics.lcoePerKWh
        case .capex: economics.cashFlows.reduce(0) { $0 + $1.capex }
        case .emissions: lifetimeT
        }
        var outcome = SizingOutcome(design: design.final, result: result, economics: economics, lifetimeEmissionsT: lifetimeT,
                                    caseObjectives: [objective])
        outcome.dispatch = designScenario.dispatch.strategy
        let duty = GensetDutyCheck(result: result)
        (outcome.daysOverPrimeLimit, outcome.runHoursPerUnitYear) = (duty.daysOverPrimeLimit, designScenario.diesel == nil ? 0 : duty.runHoursPerUnitYear)
        var judgedConfig = config
        judgedConfig.limitBasis = .worstYear
        outcome = outcome.judged(by: judgedConfig, redundantKW: tightest.redundantKW, peakLoadKW: tightest.peakKW, rating: designScenario.diesel?.rating)
        let failing = yearly.indices.filter { index in
            unserved[index] > config.maxUnservedFraction + 1e-12 || config.maxIntensityGPerKWh.map { intensity[index] > $0 } == true
                || config.minRenewableFraction.map { yearly[index].renewableFraction < $0 } == true
                || (config.nPlusOne && designScenario.diesel != nil && margins[index].redundantKW < margins[index].peakKW)
        }
        return StagedOutcome(design: design, outcome: outcome, yearIntensityGPerKWh: intensity, failingYears: failing.map { $0 + 1 },
                             expansionCapex: economics.cashFlows.dropFirst().reduce(0) { $0 + $1.capex },
                             shortfall: outcome.feasible ? 0 : shortfall(intensity: intensity, unserved: unserved, margins: margins, duty: duty))
    }

    /// The sum over years of each limit's relative excess, plus the duty days over a year's.
    private func shortfall(intensity: [Double], unserved: [Double], margins: [(redundantKW: Double, peakKW: Double)], duty: GensetDutyCheck) -> Double {
        var total = 0.0
        for index in intensity.indices {
            if let limit = config.maxIntensityGPerKWh, limit > 0 { total += max(0, intensity[index] - limit) / limit }
            total += max(0, unserved[index] - config.maxUnservedFraction) * 100
            if config.nPlusOne, margins[index].peakKW > 0 { total += max(0, margins[index].peakKW - margins[index].redundantKW) / margins[index].peakKW }
        }
        return total + (config.gensetDuty ? Double(duty.daysOverPrimeLimit) / 365 : 0)
    }
}
