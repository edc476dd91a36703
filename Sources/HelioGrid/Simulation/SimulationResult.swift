/// The outcome of a simulation run: totals per year and overall, plant state, and optionally the
/// per-step series.
public struct SimulationResult: Sendable {
    /// The scenario that ran.
    public var scenario: Scenario
    /// The dispatch strategy (its name in outputs: ``DispatchConfig/Strategy/rawValue``).
    public var dispatch: DispatchConfig.Strategy
    /// The clock.
    public var axis: TimeAxis
    /// Totals of each simulated year.
    public var yearly: [EnergyTotals]
    /// Totals of the whole run.
    public var totals: EnergyTotals
    /// Battery equivalent full cycles over the run (0 without a battery).
    public var batteryEquivalentFullCycles: Double
    /// Lowest state of charge reached, fraction (0 without a battery).
    public var batteryMinSOC: Double
    /// Battery capacity fade at the end of the run (of the battery then installed), fraction of nameplate.
    public var batteryFadeFraction: Double
    /// Each genset's state at the end of the run (run hours and starts per unit); empty without gensets.
    public var gensetUnits: [GensetUnit]
    /// Largest power-balance error of any step, as a fraction of that step's load.
    public var maxBalanceErrorFraction: Double
    /// Per-step columns, when requested.
    public var series: StepSeries?
    /// Each simulated year's ageing and replacements (``ComponentLives``).
    public var life: [LifeYear] = []
    /// How well the forecasts a model-predictive run planned on predicted PV and load (empty for
    /// strategies without forecasts).
    public var forecastSkill: [ForecastSkill] = []
    /// What the strategy's planner did and the run's operating cost (``PlanningRecord``), when the
    /// study layer ran it.
    public var planning: PlanningRecord?
    /// The design day N + 1 is judged on (``DesignBasis``), when the run knew its weather.
    public var designBasis: DesignBasis?
    /// Wall time of the run, milliseconds, as measured by whoever ran it (the study layer's
    /// `CampusRun`); 0 when not measured.
    public var runtimeMS: Double = 0

    /// Number of steps simulated.
    public var steps: Int { axis.stepsPerYear * yearly.count }
    /// Mean genset loading while running, fraction of running rated capacity (0 if never run).
    public var dieselMeanLoading: Double {
        guard let diesel = scenario.diesel, totals.dieselUnitRunHours > 0 else { return 0 }
        return totals.dieselKWh / (totals.dieselUnitRunHours * diesel.unitKW)
    }
}
