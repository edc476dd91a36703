import HelioGrid

/// `heliogrid transients` (docs/transients.md): the operating point taken from the simulated year,
/// the window run without mitigation and with the mitigation `[transients]` sets, and the sizing
/// rule's two answers.
public struct TransientsStudy: Sendable {
    /// The scenario studied.
    public let scenario: Scenario
    /// The model of its operating point.
    public let model: TransientModel
    /// The run without mitigation, and the run with the configured one.
    public let unsmoothed: TransientTrace, smoothed: TransientTrace
    /// Their figures.
    public let unsmoothedOutcome: TransientOutcome, smoothedOutcome: TransientOutcome
    /// The sizing rule's answers.
    public let sizing: SmoothingSizing
    /// Wall time of the study (the model, both runs, the sizing), s; the year's simulation is not in it.
    public let seconds: Double

    /// Window steps the study makes at most (both runs and the sizing's), for a progress bar;
    /// `windowS` and `stepMS` override the section's as in ``init(scenario:series:axis:windowS:stepMS:)``.
    public static func maximumSteps(of scenario: Scenario, windowS: Double? = nil, stepMS: Double? = nil) -> Int {
        let samples = TransientModel.samples(config: scenario.transients ?? TransientsConfig(), windowS: windowS, stepMS: stepMS)
        guard samples.isFinite, samples > 0 else { return 0 }
        return (2 + SmoothingSizing.maximumRuns) * Int(min(samples, Double(TransientModel.maxSamples)))
    }

    /// Runs the study of `scenario` from `series`, its simulated run on `axis`; `windowS` and
    /// `stepMS` override the section's.
    public init(scenario: Scenario, series: StepSeries, axis: TimeAxis, windowS: Double? = nil, stepMS: Double? = nil) throws {
        let started = ContinuousClock.now
        let config = scenario.transients ?? TransientsConfig()
        let point = try OperatingPoint.pick(series, axis: axis, scenario: scenario, at: config.at)
        let model = try TransientModel(scenario: scenario, config: config, point: point, windowS: windowS, stepMS: stepMS)
        self.scenario = scenario
        self.model = model
        unsmoothed = model.run(.none)
        smoothed = model.run(model.configuredMitigation)
        unsmoothedOutcome = TransientOutcome(unsmoothed, model: model)
        smoothedOutcome = TransientOutcome(smoothed, model: model)
        sizing = SmoothingSizing(model: model, scenario: scenario)
        seconds = (ContinuousClock.now - started).milliseconds / 1000
    }
}
