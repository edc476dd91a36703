import Foundation
import HelioGrid
import HelioLP
import HelioOptimize

/// A sizing study (`heliogrid size`, docs/sizing.md): every design of the `[size]` grid simulated for
/// the project's years (``SizeConfig/years``) with the chosen strategy and the life model (PV
/// degradation, battery fade and replacement, genset hours), priced from those years, judged on the
/// limits in its worst year or over them all (`limit_basis`), then ranked.
///
/// The weather is read and the load and PV computed once: PV for the scenario's plant per kWdc,
/// scaled to each design (PVWatts' DC and inverter models are linear in the rating at a fixed DC/AC
/// ratio), the load shared (battery auxiliaries added per design). Designs are independent, so they
/// are evaluated on all cores; the list is in a fixed order, so a shard of it is a fixed slice.
public struct SizingStudy: Sendable {
    /// The scenario searched around (with its `[size]` section, the study's dispatch strategy and years).
    public let scenario: Scenario
    /// The strategy every design is first simulated with: `[size] screen` when the study screens
    /// designs (``SizeConfig/screensDesigns``), else the study's.
    public let screening: DispatchConfig.Strategy
    /// Its `[size]` section.
    public let config: SizeConfig
    /// Every design, in the study's order: PV slowest, then battery energy, battery power, genset
    /// count, genset size and augmentation policy fastest.
    public let designs: [SizingDesign]
    /// The sensitivity cases: the base case first, then every other combination of the factors.
    public let cases: [SensitivityFactors]
    /// The design day's facility demand (``DesignBasis``: nameplate IT at the design temperature,
    /// battery auxiliaries excluded), what N + 1 is judged against, kW.
    public let peakLoadKW: Double
    /// The gensets' rating factor on the design day.
    public let lowestRatingFactor: Double
    /// The design day.
    public let designBasis: DesignBasis
    private let weather: WeatherData
    /// The year's inputs with PV for 1 kWdc and no battery auxiliaries.
    private let baseInputs: SimulationInputs
    /// The same for each weather year of the ensemble designs are also judged on (`[size]
    /// limit_probability`; empty without).
    private let ensembleInputs: [SimulationInputs]

    /// Multipliers of one sensitivity case.
    public struct SensitivityFactors: Sendable, Equatable {
        /// Fuel price, carbon price and battery capital cost multipliers.
        public var fuelPrice, carbonPrice, batteryCapex: Double
    }

    /// Prepares the study of `scenario` (which must have a `[size]` section) on `weather`.
    public init(scenario: Scenario, weather: WeatherData) throws {
        guard let config = scenario.size else {
            throw HelioError(.scenario, "heliogrid size needs a [size] section naming the sizes to search", file: scenario.source, key: "size")
        }
        var base = scenario
        base.dispatch.strategy = config.dispatch
        base.site.years = config.years
        self.scenario = base
        screening = config.screensDesigns ? config.screen : config.dispatch
        self.config = config
        self.weather = weather
        designs = Self.designs(config)
        cases = Self.cases(config)
        var reference = base
        reference.battery = nil
        reference.pv = base.pv.map { var pv = $0; pv.dcKW = 1; return pv } ?? PVConfig(dcKW: 1)
        let inputs = try SimulationInputs.prepareRun(reference, weather: weather)
        baseInputs = inputs
        var gensets = reference
        gensets.diesel = base.diesel ?? DieselConfig(units: config.dieselUnits.max() ?? 1, unitKW: config.dieselUnitKW[0])
        designBasis = DesignBasis(scenario: gensets, weather: weather, load: inputs.load)
        peakLoadKW = designBasis.facilityKW
        lowestRatingFactor = designBasis.gensetRatingFactor
        ensembleInputs = try Self.ensembleInputs(reference, config: config)
    }

    /// The inputs of each weather year of the sizing ensemble, prepared as ``baseInputs`` is.
    private static func ensembleInputs(_ reference: Scenario, config: SizeConfig) throws -> [SimulationInputs] {
        guard config.limitProbability != nil else { return [] }
        let synthetic = reference.syntheticWeather != nil
        let ensemble = try WeatherEnsemble(scenario: reference, years: synthetic ? config.ensembleYears : nil)
        return try ensemble.inputs(of: reference, count: config.ensembleYears)
    }

    /// Weather years each design is judged on besides the project's run (0 without `limit_probability`).
    public var ensembleYears: Int { ensembleInputs.count }

    private static func designs(_ config: SizeConfig) -> [SizingDesign] {
        var designs: [SizingDesign] = []
        for pv in config.pvKW {
            for energy in config.batteryKWh {
                for power in config.batteryKW ?? config.batteryHours!.map({ energy / $0 }) {
                    designs += plants(config, pvKW: pv, batteryKWh: energy, batteryKW: energy > 0 ? power : 0)
                }
            }
        }
        return designs
    }

    /// The designs of one PV and battery size: every genset count and size, and every augmentation
    /// policy (fastest; one without a battery).
    private static func plants(_ config: SizeConfig, pvKW: Double, batteryKWh: Double, batteryKW: Double) -> [SizingDesign] {
        let policies = batteryKWh > 0 ? config.augmentation : [config.augmentation[0]]
        return config.dieselUnits.flatMap { units in
            config.dieselUnitKW.flatMap { unitKW in
                policies.map { SizingDesign(pvKW: pvKW, batteryKWh: batteryKWh, batteryKW: batteryKW, dieselUnits: units,
                                            dieselUnitKW: unitKW, augmentation: $0) }
            }
        }
    }

    private static func cases(_ config: SizeConfig) -> [SensitivityFactors] {
        let base = SensitivityFactors(fuelPrice: 1, carbonPrice: 1, batteryCapex: 1)
        var cases = [base]
        for fuel in config.fuelPriceFactors {
            for carbon in config.carbonPriceFactors {
                for battery in config.batteryCapexFactors {
                    let factors = SensitivityFactors(fuelPrice: fuel, carbonPrice: carbon, batteryCapex: battery)
                    if factors != base { cases.append(factors) }
                }
            }
        }
        return cases
    }

    /// PV per kWdc of the scenario's plant at each step of the year, kW.
    public var pvPerKWYear: [Double] { baseInputs.pvAvailableKW }
    /// Facility demand at each step of the year (no battery auxiliaries), kW.
    public var loadKWYear: [Double] { baseInputs.load.facilityKW }
    /// Gensets' rating factor at each step of the year (1 without derating).
    public var ratingFactorYear: [Double] { baseInputs.gensetRatingFactors }
    /// The year the capacity-expansion LP (``CapacityExpansion``) sizes against.
    public var capacityExpansionYear: CapacityExpansionYear {
        CapacityExpansionYear(scenario: scenario, config: config, loadKW: loadKWYear, pvPerKW: pvPerKWYear, ratingFactor: ratingFactorYear,
                              peakLoadKW: peakLoadKW, lowestRatingFactor: lowestRatingFactor)
    }

    /// The scenario's own design (its sizes, whether or not they lie on the grid).
    public var referenceDesign: SizingDesign {
        let base = scenario
        return SizingDesign(pvKW: base.pv?.dcKW ?? 0, batteryKWh: base.battery?.energyKWh ?? 0, batteryKW: base.battery?.powerKW ?? 0,
                            dieselUnits: base.diesel?.units ?? 0, dieselUnitKW: base.diesel?.unitKW ?? config.dieselUnitKW[0],
                            augmentation: base.battery?.augmentation ?? .replace)
    }

    /// The scenario of `design`, judged with the study's strategy; perfect foresight plans its years
    /// one by one (`optimal_horizon = "year"`: a year's LP each instead of one over the life).
    public func scenario(of design: SizingDesign) -> Scenario {
        var designScenario = design.applied(to: scenario)
        designScenario.dispatch.optimalHorizon = .year
        return designScenario
    }

    /// Simulates and prices one design with the screening strategy (``screening``), or with `strategy`.
    public func evaluate(_ design: SizingDesign, strategy: DispatchConfig.Strategy? = nil) throws -> SizingOutcome {
        var designScenario = scenario(of: design)
        designScenario.dispatch.strategy = strategy ?? screening
        let inputs = Self.inputs(baseInputs, of: design, scenario: designScenario)
        let result = try CampusRun.run(designScenario, weather: weather, inputs: inputs, recordSeries: false)
        var judged = outcome(design, result: result, reliability: try reliability(designScenario, design: design, inputs: inputs))
        judged.dispatch = designScenario.dispatch.strategy
        judged.ensemble = ensembleFigures(design, scenario: designScenario, agedAs: worstYear(of: result))
        let duty = GensetDutyCheck(result: result)
        (judged.daysOverPrimeLimit, judged.runHoursPerUnitYear) = (duty.daysOverPrimeLimit, designScenario.diesel == nil ? 0 : duty.runHoursPerUnitYear)
        return judged.judged(by: config, redundantKW: redundantKW(design), peakLoadKW: peakLoadKW, rating: designScenario.diesel?.rating)
    }

    /// `year` (inputs for 1 kWdc without battery auxiliaries) for `design`: PV scaled, its battery's
    /// auxiliaries added, no derating without gensets; its consecutive later years likewise.
    static func inputs(_ year: SimulationInputs, of design: SizingDesign, scenario designScenario: Scenario) -> SimulationInputs {
        var inputs = year
        let auxiliaryKW = designScenario.battery?.auxiliaryKW ?? 0
        inputs.load = year.load.addingBatteryAuxiliary(kW: auxiliaryKW)
        if auxiliaryKW > 0 { inputs.compute?.facilityFixedKW = year.compute?.facilityFixedKW.map { $0 + auxiliaryKW } ?? [] }
        inputs.pvAvailableKW = year.pvAvailableKW.map { $0 * design.pvKW }
        if designScenario.diesel == nil { inputs.gensetRatingFactor = [] }
        inputs.laterYears = year.laterYears.map { Self.inputs($0, of: design, scenario: designScenario) }
        return inputs
    }

    /// The year of the project's run whose plant the ensemble's weather years are run on: the one
    /// with the worst figure of the first energy limit `[size]` sets (highest intensity, else lowest
    /// renewable fraction, else highest unserved share) — the aged plant the limits bind on.
    private func worstYear(of result: SimulationResult) -> LifeYear {
        let yearly = result.yearly
        let index: Int
        if config.maxIntensityGPerKWh != nil {
            index = yearly.indices.max { yearly[$0].intensityGPerKWh < yearly[$1].intensityGPerKWh }!
        } else if config.minRenewableFraction != nil {
            index = yearly.indices.min { yearly[$0].renewableFraction < yearly[$1].renewableFraction }!
        } else {
            func unserved(_ t: EnergyTotals) -> Double { t.loadKWh > 0 ? t.unservedKWh / t.loadKWh : 0 }
            index = yearly.indices.max { unserved(yearly[$0]) < unserved(yearly[$1]) }!
        }
        return result.life[index]
    }

    /// The design's year on each weather year of the ensemble, on the plant of its project run's worst
    /// year (``worstYear(of:)``: PV output scaled by that year's degradation factor, battery capacity
    /// by its fade at the year's start), with the rule-based EMS of the study's strategy (the
    /// target-loading rule for optimal or MPC studies: a plan per design and year would cost the
    /// search its speed); `nil` without an ensemble.
    private func ensembleFigures(_ design: SizingDesign, scenario designScenario: Scenario, agedAs worst: LifeYear) -> SizingEnsembleFigures? {
        guard !ensembleInputs.isEmpty else { return nil }
        var yearScenario = designScenario
        yearScenario.site.years = 1
        if !yearScenario.dispatch.strategy.isRuleBased { yearScenario.dispatch.strategy = .rule }
        yearScenario.battery?.energyKWh *= worst.batteryCapacityFraction
        var aged = design
        aged.pvKW *= worst.pvFactor
        let totals = ensembleInputs.map { year -> EnergyTotals in
            var strategy = StrategyFactory.ruleFamily(yearScenario)
            let inputs = Self.inputs(year, of: aged, scenario: yearScenario)
            return SimulationEngine.run(yearScenario, inputs: inputs, strategy: &strategy, recordSeries: false).totals
        }
        return SizingEnsembleFigures(years: totals, config: config)
    }

    /// LOLE (h/yr) and EENS (MWh/yr) of a design's reliability Monte Carlo when `[size]` limits them;
    /// its sample-years run in this worker, one after another, over the weather ensemble's years when
    /// `[size] limit_probability` gives one.
    private func reliability(_ designScenario: Scenario, design: SizingDesign, inputs: SimulationInputs) throws -> (lole: Double, eens: Double)? {
        guard config.limitsReliability else { return nil }
        var firstYear = designScenario
        firstYear.site.years = 1
        let years = ensembleInputs.map { Self.inputs($0, of: design, scenario: designScenario) }
        let study = try ReliabilityStudy(scenario: firstYear, inputs: inputs, weatherYears: years)
        let result = study.result(of: (0..<config.reliabilitySamples).map { study.sample($0, seed: config.reliabilitySeed) })
        return (result.loleHoursPerYear.mean, result.eensMWhPerYear.mean)
    }

    private func outcome(_ design: SizingDesign, result: SimulationResult, reliability: (lole: Double, eens: Double)?) -> SizingOutcome {
        let lifetimeT = SizingOutcome.lifetimeEmissionsT(result, projectYears: scenario.economics.projectYears)
        let objectives = cases.map { factors -> Double in
            var assumptions = EconomicAssumptions(scenario: result.scenario)
            assumptions.fuelPricePerL *= factors.fuelPrice
            assumptions.carbonPricePerT *= factors.carbonPrice
            assumptions.batteryCapexPerKWh *= factors.batteryCapex
            assumptions.batteryCapexPerKW *= factors.batteryCapex
            let economics = LifetimeEconomics(result: result, assumptions: assumptions)
            switch config.objective {
            case .npc: return economics.npc
            case .lcoe: return economics.lcoePerKWh
            case .capex: return economics.capex
            case .emissions: return lifetimeT
            }
        }
        return SizingOutcome(design: design, result: result, economics: LifetimeEconomics(result: result), lifetimeEmissionsT: lifetimeT,
                             caseObjectives: objectives, reliability: reliability)
    }

    /// Genset capacity with the largest unit out at the design day's derating, kW.
    public func redundantKW(_ design: SizingDesign) -> Double {
        Double(max(0, design.dieselUnits - 1)) * design.dieselUnitKW * lowestRatingFactor
    }

    /// The designs at `indices` evaluated on all cores, in that order; `progress` is told of each one done.
    public func evaluate(_ indices: [Int], progress: StudyProgress? = nil) async throws -> [SizingOutcome] {
        try await StudyWorkers.map(indices.count, progress: progress) { try evaluate(designs[indices[$0]]) }
    }

    /// Ranks `outcomes` (every design, in order) with the LP bound, and judges the scenario's own
    /// design with the study's strategy. When the study screens designs, only those verified with
    /// its strategy can be best. An LP that no sizes within the lists' spans can satisfy leaves no
    /// bound (the search's designs then all fail the limits too, which the ranking shows).
    public func conclude(_ outcomes: [SizingOutcome]) throws -> (result: SizingResult, reference: SizingOutcome) {
        let bound: CapacityBound?
        do {
            bound = try CapacityExpansion.solve(capacityExpansionYear)
        } catch let error as OptimizationError where error.kind == .infeasible {
            bound = nil
        }
        var result = SizingResult(outcomes: outcomes, caseCount: cases.count, lowerBound: bound,
                                  decidedBy: config.screensDesigns ? config.dispatch : nil)
        if let bound, let best = result.best { result.gap = try gap(bound, best: outcomes[best]) }
        return (result, try evaluate(referenceDesign, strategy: config.dispatch))
    }

    /// The gap between `bound` and `best` by cause (``SizingGap``): the LP at the best design's
    /// sizes, then the best design simulated with perfect foresight over the life.
    private func gap(_ bound: CapacityBound, best: SizingOutcome) throws -> SizingGap {
        var year = capacityExpansionYear
        let d = best.design
        year.fixedSizes = (d.pvKW, d.batteryKWh, d.batteryKW, d.dieselUnits)
        let atBest: Double?
        do {
            atBest = try CapacityExpansion.solve(year)?.objective
        } catch let error as OptimizationError where error.kind == .infeasible {
            atBest = nil
        }
        let optimal = best.dispatch == .optimal ? best.npc : try evaluate(d, strategy: .optimal).npc
        return SizingGap(lpBound: bound.objective, lpAtBest: atBest, optimalAtBest: optimal, best: best.npc)
    }

    /// The designs `[size] verify_top` re-simulates with the study's strategy: the best feasible ones
    /// of the screening by the base case's objective (none unless the study screens designs).
    public func verificationIndices(_ outcomes: [SizingOutcome]) -> [Int] {
        guard config.screensDesigns else { return [] }
        let feasible = outcomes.indices.filter { outcomes[$0].feasible }
        return Array(feasible.sorted { (outcomes[$0].objective, $0) < (outcomes[$1].objective, $1) }.prefix(config.verifyTop))
    }

    /// `outcomes` with the best of the screening (``verificationIndices(_:)``) re-simulated with the
    /// study's strategy on all cores, shown as a second progress bar.
    public func verified(_ outcomes: [SizingOutcome]) async throws -> [SizingOutcome] {
        let indices = verificationIndices(outcomes)
        guard !indices.isEmpty else { return outcomes }
        let progress = StudyProgress(total: indices.count, items: "designs verified with \(config.dispatch.rawValue)")
        let checked = try await progress.reporting {
            try await StudyWorkers.map(indices.count, progress: progress) { try evaluate(outcomes[indices[$0]].design, strategy: config.dispatch) }
        }
        var all = outcomes
        for (index, outcome) in zip(indices, checked) { all[index] = outcome }
        return all
    }

    /// ``verified(_:)`` then ``conclude(_:)``, the LP bound's wait shown: it takes seconds to a
    /// minute, drawn on a terminal as a step of unknown length (``StudyProgress``).
    public func concluding(_ outcomes: [SizingOutcome]) async throws -> (result: SizingResult, reference: SizingOutcome) {
        let checked = try await verified(outcomes)
        return try await StudyProgress(of: "the LP bound", command: "size").reporting { try conclude(checked) }
    }

    /// The slice of `count` designs shard `index` of `shards` evaluates: contiguous, in order, sizes
    /// differing by at most one.
    public static func shard(_ index: Int, of shards: Int, count: Int) -> Range<Int> {
        let base = count / shards, extra = count % shards
        let start = index * base + min(index, extra)
        return start..<(start + base + (index < extra ? 1 : 0))
    }
}
