/// The `[size]` section: the design space `heliogrid size` searches, what it minimises, the limits a
/// design must meet, the dispatch each design is judged with, and the sensitivity cases
/// (docs/sizing.md). Every list is an array or `{ min, max, step }`.
public struct SizeConfig: Sendable, Equatable {
    /// What the search minimises.
    public enum Objective: String, Sendable, CaseIterable {
        /// Net present cost over the project.
        case npc
        /// Levelised cost of energy served.
        case lcoe
        /// Up-front capital cost.
        case capex
        /// Lifetime emissions (Scope 1 + 2, location-based).
        case emissions
    }

    /// Which figure of the simulated years the limits judge (`limit_basis`).
    public enum LimitBasis: String, Sendable, CaseIterable {
        /// Every year must meet every limit: the worst year's intensity, renewable fraction and
        /// unserved share are judged.
        case worstYear = "worst-year"
        /// The figures over all simulated years together.
        case lifetime
    }

    /// PV sizes, kWdc (0: no PV).
    public var pvKW: [Double]
    /// Battery energies, kWh (0: no battery).
    public var batteryKWh: [Double]
    /// Battery powers, kW; `nil` when sized by ``batteryHours``.
    public var batteryKW: [Double]?
    /// Battery durations, hours (power = energy / hours); `nil` when sized by ``batteryKW``.
    public var batteryHours: [Double]?
    /// Genset counts (0: no gensets).
    public var dieselUnits: [Int]
    /// Genset unit sizes, kW.
    public var dieselUnitKW: [Double]
    /// Battery augmentation policies compared (`augmentation`).
    public var augmentation: [BatteryAugmentation]
    /// Highest carbon intensity allowed, gCO₂e/kWh served (`nil`: no limit).
    public var maxIntensityGPerKWh: Double?
    /// Highest unserved energy allowed, fraction of demand.
    public var maxUnservedFraction: Double
    /// Lowest renewable fraction allowed (`nil`: no limit).
    public var minRenewableFraction: Double?
    /// Whether the gensets must carry the peak demand with the largest unit out (N+1).
    public var nPlusOne: Bool
    /// Whether designs must run their gensets within their rating's duty (``GensetRating``): prime-rated
    /// units on no day above the 70 % 24-hour average, standby-rated ones at most 200 h a year.
    public var gensetDuty: Bool
    /// Least battery power a design needs, kW: the transient study's requirement for smoothing the
    /// GPU swings (`heliogrid size --transients` sets it; `nil`: no limit).
    public var minBatteryPowerKW: Double?
    /// Highest loss-of-load expectation allowed, h/yr, from each design's reliability Monte Carlo (`nil`: not estimated).
    public var maxLOLEHoursPerYear: Double?
    /// Highest expected energy not served allowed, MWh/yr, from the same Monte Carlo (`nil`: not estimated).
    public var maxEENSMWhPerYear: Double?
    /// Sample-years of each design's reliability Monte Carlo, and its seed.
    public var reliabilitySamples: Int, reliabilitySeed: UInt64
    /// Whether designs are judged by a reliability Monte Carlo.
    public var limitsReliability: Bool { maxLOLEHoursPerYear != nil || maxEENSMWhPerYear != nil }
    /// Share of the weather ensemble's years in which the energy limits (unserved energy, intensity,
    /// renewable fraction) must hold, 0…1 (`nil`: the ensemble is not used, docs/sizing.md).
    public var limitProbability: Double?
    /// Weather years of the ensemble each design runs (`nil`: all of them: `[weather.synthetic] years`
    /// or the files `[site] weather` lists).
    public var ensembleYears: Int?
    /// Most weather years a sizing ensemble may hold (their inputs stay in memory for the study).
    public static let maxEnsembleYears = 1_000
    /// What is minimised.
    public var objective: Objective
    /// Which figure of the simulated years the limits judge (`limit_basis`).
    public var limitBasis: LimitBasis
    /// Years each design is simulated: the project's (`[economics] project_years`, at most 50; later
    /// years projected by the life model as `simulate` does).
    public var years: Int
    /// The strategy designs are judged with: every design, or with ``verifyTop`` the best ones after screening.
    public var dispatch: DispatchConfig.Strategy
    /// With an optimal or MPC `dispatch`, how many of the best feasible designs of the screening are
    /// re-simulated with it (0: every design is simulated with it).
    public var verifyTop: Int
    /// The strategy every design is screened with before the best ``verifyTop`` are verified
    /// (rule-based or optimal).
    public var screen: DispatchConfig.Strategy
    /// Whether designs are screened with ``screen`` and the best ``verifyTop`` verified with ``dispatch``.
    public var screensDesigns: Bool { (dispatch == .mpc || dispatch == .optimal) && verifyTop > 0 && screen != dispatch }
    /// Sensitivity multipliers of the fuel price, the carbon price and the battery's capital cost;
    /// every combination is a case with its own optimum.
    public var fuelPriceFactors: [Double], carbonPriceFactors: [Double], batteryCapexFactors: [Double]

    /// `stages`: the project years in which plant may be bought, from 1 (`[1]`: on day one only). With
    /// more than one, or a campus that grows, `size` searches staged designs (docs/sizing.md).
    public var stages: [Int] = [1]

    /// Most years a design is simulated (`[site] years`' own limit).
    public static let maxYears = 50
    /// Most designs one study may hold.
    public static let maxDesigns = 1_000_000

    /// Reads `[size]`; lists default to the scenario's own design.
    init(_ section: inout ScenarioSection, scenario: Scenario) throws {
        pvKW = try section.valueList("pv_kw", in: 0...1e8) ?? [scenario.pv?.dcKW ?? 0]
        batteryKWh = try section.valueList("battery_kwh", in: 0...1e9) ?? [scenario.battery?.energyKWh ?? 0]
        batteryKW = try section.valueList("battery_kw", in: 0...1e9)
        batteryHours = try section.valueList("battery_hours", in: 0.1...100)
        if batteryKW != nil, batteryHours != nil {
            throw section.error("battery_hours", "give battery_kw or battery_hours, not both")
        }
        if batteryKW == nil, batteryHours == nil {
            batteryKW = [scenario.battery?.powerKW ?? 0]
        }
        let units = try section.valueList("diesel_units", in: 0...1000) ?? [Double(scenario.diesel?.units ?? 0)]
        if let fractional = units.first(where: { $0 != $0.rounded() }) {
            throw section.error("diesel_units", "\(fractional) is not a whole number of gensets")
        }
        dieselUnits = units.map { Int($0) }
        dieselUnitKW = try section.valueList("diesel_unit_kw", in: 1...1e6) ?? [scenario.diesel?.unitKW ?? 2000]
        augmentation = try section.choiceList("augmentation", in: BatteryAugmentation.allCases.map(\.rawValue))?
            .compactMap(BatteryAugmentation.init(rawValue:)) ?? [scenario.battery?.augmentation ?? .replace]
        maxIntensityGPerKWh = section.contains("max_intensity_g_per_kwh") ? try section.double("max_intensity_g_per_kwh", in: 0...5000) : nil
        maxUnservedFraction = try section.double("max_unserved_fraction", default: 0, in: 0...1)
        minRenewableFraction = section.contains("min_renewable_fraction") ? try section.double("min_renewable_fraction", in: 0...1) : nil
        nPlusOne = try section.bool("n_plus_one", default: false)
        gensetDuty = try section.bool("genset_duty", default: true)
        minBatteryPowerKW = section.contains("min_battery_power_kw") ? try section.double("min_battery_power_kw", in: 0...1e9) : nil
        maxLOLEHoursPerYear = section.contains("max_lole_hours_per_year") ? try section.double("max_lole_hours_per_year", in: 0...8_784) : nil
        maxEENSMWhPerYear = section.contains("max_eens_mwh_per_year") ? try section.double("max_eens_mwh_per_year", in: 0...1e9) : nil
        reliabilitySamples = try section.int("reliability_samples", default: 100, in: 2...100_000)
        reliabilitySeed = UInt64(try section.int("reliability_seed", default: 1, in: 0...Int.max))
        limitProbability = section.contains("limit_probability") ? try section.positive("limit_probability", max: 1) : nil
        ensembleYears = section.contains("ensemble_years") ? try section.int("ensemble_years", in: 2...Self.maxEnsembleYears) : nil
        if ensembleYears != nil, limitProbability == nil {
            throw section.error("ensemble_years", "the ensemble judges designs through limit_probability: give it too (e.g. 0.9)")
        }
        objective = Objective(rawValue: try section.choice("objective", default: "npc", in: Objective.allCases.map(\.rawValue)))!
        limitBasis = LimitBasis(rawValue: try section.choice("limit_basis", default: LimitBasis.worstYear.rawValue,
                                                             in: LimitBasis.allCases.map(\.rawValue)))!
        years = min(scenario.economics.projectYears, Self.maxYears)
        dispatch = DispatchConfig.Strategy(rawValue: try section.choice("dispatch", default: DispatchConfig.Strategy.rule.rawValue,
                                                                         in: DispatchConfig.Strategy.allCases.map(\.rawValue)))!
        verifyTop = try section.int("verify_top", default: 10, in: 0...1000)
        screen = DispatchConfig.Strategy(rawValue: try section.choice("screen", default: DispatchConfig.Strategy.rule.rawValue,
                                                                       in: DispatchConfig.Strategy.allCases.filter { $0 != .mpc }.map(\.rawValue)))!
        if maxLOLEHoursPerYear != nil || maxEENSMWhPerYear != nil, !dispatch.isRuleBased {
            throw section.error("dispatch", "a LOLE or EENS limit needs a rule-based strategy (rule, load-following, cycle-charging): "
                                + "each design runs a reliability Monte Carlo")
        }
        var sensitivity = try section.section("sensitivity")
        fuelPriceFactors = try sensitivity.valueList("fuel_price", in: 0...100, maxCount: 20) ?? [1]
        carbonPriceFactors = try sensitivity.valueList("carbon_price", in: 0...100, maxCount: 20) ?? [1]
        batteryCapexFactors = try sensitivity.valueList("battery_capex", in: 0...100, maxCount: 20) ?? [1]
        try sensitivity.finish()
        try readStages(&section, scenario: scenario)
        try section.finish()
        let count = pvKW.count * batteryKWh.count * (batteryKW?.count ?? batteryHours!.count) * dieselUnits.count * dieselUnitKW.count
            * augmentation.count
        guard count <= Self.maxDesigns else {
            throw section.error("pv_kw", "the lists give \(count) designs; at most \(Self.maxDesigns)")
        }
    }

    /// `stages` and what a staged search cannot take: the rule-based strategies judge every design over
    /// the life; reliability and weather-ensemble limits study one year's campus.
    private mutating func readStages(_ section: inout ScenarioSection, scenario: Scenario) throws {
        let years = try section.valueList("stages", in: 1...Double(scenario.economics.projectYears), maxCount: 20) ?? [1]
        if let fractional = years.first(where: { $0 != $0.rounded() }) { throw section.error("stages", "\(fractional) is not a project year") }
        guard years.first == 1 else { throw section.error("stages", "the first stage is year 1, when the campus starts") }
        stages = years.map { Int($0) }
        guard stages.count > 1 || scenario.isStaged else { return }
        guard dispatch.isRuleBased else {
            throw section.error("dispatch", "a staged search judges designs over the whole life with the rule-based strategies (rule, load-following, cycle-charging)")
        }
        for key in ["max_lole_hours_per_year", "max_eens_mwh_per_year", "limit_probability"] where section.contains(key) {
            throw section.error(key, "studies one year's campus; a staged search (stages, or a campus that grows) cannot judge it")
        }
    }
}
