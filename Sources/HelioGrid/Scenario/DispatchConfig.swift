/// `[dispatch]`: which energy-management strategy runs and its settings.
public struct DispatchConfig: Sendable, Equatable {
    /// Strategy names of the command-line contract.
    public enum Strategy: String, Sendable, CaseIterable, Codable {
        /// The rule-based EMS: cycle charging at the target loading with an SOC start threshold.
        case rule
        /// HOMER's load following: gensets serve only the net load.
        case loadFollowing = "load-following"
        /// HOMER's cycle charging: gensets run at full output, the surplus charging the battery to `diesel_stop_soc`.
        case cycleCharging = "cycle-charging"
        /// Perfect-foresight LP over the whole run.
        case optimal
        /// Receding-horizon MILP on forecasts.
        case mpc

        /// Whether it is one of the rule-based EMSs (a year in milliseconds, no optimisation).
        public var isRuleBased: Bool { self == .rule || self == .loadFollowing || self == .cycleCharging }
    }

    /// The grid prices the model-predictive EMS plans on in a simulation (docs/grid.md).
    public enum PriceForecast: String, Sendable, CaseIterable {
        /// The tariff (`price_csv`) as a perfect day-ahead forecast: the prices are known in advance.
        case dayAhead = "day-ahead"
        /// Yesterday's price at the same time of day.
        case persistence
    }

    /// What the model-predictive EMS plans on in a simulation.
    public enum Forecast: String, Sendable, CaseIterable {
        /// PV: the clear-sky index blended from persistence to climatology by its autocorrelation at the
        /// lead time; load: same time yesterday.
        case blend
        /// The simplest forecasters an operator has: clear-sky-index PV persisted and same-time-yesterday load.
        case persistence
        /// The true future load and PV of the simulated year: separates the formulation's loss from the
        /// forecasts' loss.
        case perfect
    }

    /// How perfect-foresight dispatch (`optimal`) treats genset commitment (docs/solvers.md).
    public enum Commitment: String, Sendable, CaseIterable {
        /// Unit counts relaxed to real numbers: an LP, the lower bound on operating cost.
        case relaxed
        /// Whole units with minimum load, start costs and minimum run time: a MILP per year solved to
        /// `[solver] mip_gap`, a plan whole units can follow.
        case whole
    }

    /// How much of a run perfect-foresight dispatch (`optimal`) plans in one program.
    public enum OptimalHorizon: String, Sendable, CaseIterable {
        /// The whole run in one LP, up to 20 hourly years (the exact optimum over the run).
        case run
        /// Year by year, each year's program looking a week into the next (within 0.5 % of one LP's
        /// fuel on the default campus; a year's solve instead of the run's).
        case year
    }

    /// How the EMS treats the campus's GPU work (docs/compute.md).
    public enum Compute: String, Sendable, CaseIterable {
        /// Every job runs when it arrives, uncapped: the load is given.
        case rigid
        /// Batch work may wait within its deadline and training may be power-capped (`[load.flexibility]`).
        case flexible
    }

    /// The strategy `simulate` uses unless `--dispatch` overrides it.
    public var strategy: Strategy = .rule
    /// Whether GPU work is rigid or flexible (`--compute` overrides it).
    public var compute: Compute = .rigid
    /// Rule: start gensets when SOC falls to this and PV is short, fraction.
    public var dieselStartSOC: Double = 0.25
    /// Rule: gensets charge the battery up to this SOC (cycle charging), fraction.
    public var dieselStopSOC: Double = 0.60
    /// Rule: loading committed units aim for, fraction of rating.
    public var dieselTargetLoading: Double = 0.80
    /// MPC horizon, hours.
    public var horizonHours: Double = 48
    /// MPC re-planning interval, minutes.
    public var stepMinutes: Int = 60
    /// MPC in simulation: the forecasts it plans on.
    public var forecast: Forecast = .blend
    /// MPC in simulation: members of the forecast ensemble each plan hedges across; 1 plans on the
    /// point forecasts alone (deterministic MPC).
    public var forecastMembers = 1
    /// MPC: the grid prices it plans on.
    public var priceForecast: PriceForecast = .dayAhead
    /// MPC: hours of coarse look-ahead after the horizon, which value the energy stored at its end.
    public var lookaheadHours: Double = 120
    /// MPC: length of one look-ahead block, hours.
    public var lookaheadBlockHours: Double = 6
    /// MPC: quantile of the recent shortfalls of net load against its forecast kept as spare battery
    /// power (and its energy for a step); 0 for none.
    public var forecastReserveQuantile: Double = 0.95
    /// Optimal/MPC: keep battery reserve for the loss of the largest genset.
    public var contingencyReserve = true
    /// Optimal: relaxed or whole genset commitment.
    public var commitment: Commitment = .relaxed
    /// Optimal: the run in one program, or year by year.
    public var optimalHorizon: OptimalHorizon = .run

    /// Most members an MPC plan may hedge across (each one a copy of the plan's program).
    public static let maximumForecastMembers = 20

    /// Creates settings with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        let defaults = DispatchConfig()
        let name = try section.choice("strategy", default: defaults.strategy.rawValue, in: Strategy.allCases.map(\.rawValue))
        strategy = Strategy(rawValue: name)!
        compute = Compute(rawValue: try section.choice("compute", default: defaults.compute.rawValue, in: Compute.allCases.map(\.rawValue)))!
        dieselStartSOC = try section.double("diesel_start_soc", default: defaults.dieselStartSOC, in: 0...1)
        dieselStopSOC = try section.double("diesel_stop_soc", default: defaults.dieselStopSOC, in: 0...1)
        guard dieselStartSOC < dieselStopSOC else {
            throw section.error("diesel_start_soc", "must be below diesel_stop_soc (\(dieselStopSOC)), found \(dieselStartSOC)")
        }
        dieselTargetLoading = try section.positive("diesel_target_loading", default: defaults.dieselTargetLoading, max: 1)
        horizonHours = try section.positive("horizon_hours", default: defaults.horizonHours, max: 8760)
        stepMinutes = try section.int("step_minutes", default: defaults.stepMinutes, in: 1...1440)
        lookaheadHours = try section.double("lookahead_hours", default: defaults.lookaheadHours, in: 0...8760)
        lookaheadBlockHours = try section.positive("lookahead_block_hours", default: defaults.lookaheadBlockHours, max: 168)
        forecastReserveQuantile = try section.double("forecast_reserve_quantile", default: defaults.forecastReserveQuantile, in: 0...1)
        forecast = Forecast(rawValue: try section.choice("forecast", default: defaults.forecast.rawValue, in: Forecast.allCases.map(\.rawValue)))!
        forecastMembers = try section.int("forecast_members", default: defaults.forecastMembers, in: 1...Self.maximumForecastMembers)
        priceForecast = PriceForecast(rawValue: try section.choice("price_forecast", default: defaults.priceForecast.rawValue,
                                                                   in: PriceForecast.allCases.map(\.rawValue)))!
        contingencyReserve = try section.bool("contingency_reserve", default: defaults.contingencyReserve)
        commitment = Commitment(rawValue: try section.choice("commitment", default: defaults.commitment.rawValue,
                                                             in: Commitment.allCases.map(\.rawValue)))!
        optimalHorizon = OptimalHorizon(rawValue: try section.choice("optimal_horizon", default: defaults.optimalHorizon.rawValue,
                                                                     in: OptimalHorizon.allCases.map(\.rawValue)))!
        try section.finish()
    }
}
