import HelioGrid

/// A finished reliability study as `heliogrid reliability` and `heliogrid report` present it: the
/// Monte Carlo estimates over sample-years and, for a grid-connected campus, the outage-survival
/// curve, with the seed and the time the sample-years took.
public struct ReliabilityAssessment: Sendable {
    /// The study: scenario, failure and fuel parameters, prepared inputs.
    public let study: ReliabilityStudy
    /// LOLP, LOLE, EENS and the rest over the sample-years.
    public let result: ReliabilityResult
    /// Probability of carrying the load through grid outages of each length (`nil` off grid).
    public let survival: [OutageSurvivalPoint]?
    /// The run's seed.
    public let seed: UInt64
    /// Wall time of the sample-years, seconds.
    public let seconds: Double
    /// The strategy of the run this assessment stands beside when it optimises per step and the
    /// Monte Carlo ran the rule-based EMS in its place (`nil`: it ran the run's own strategy).
    public var replacedDispatch: DispatchConfig.Strategy?

    /// Draws `samples` sample-years seeded from `seed` and, when the campus has a grid connection,
    /// the outage-survival curve; each stage prints its progress line with ETA on stderr.
    public static func run(_ study: ReliabilityStudy, samples: Int, seed: UInt64) async throws -> ReliabilityAssessment {
        let progress = StudyProgress(total: samples, command: "reliability", items: "sample-years")
        let result = try await progress.reporting { try await study.run(samples: samples, seed: seed, progress: progress) }
        let seconds = progress.elapsedSeconds
        var survival: [OutageSurvivalPoint]?
        if study.scenario.connectedGrid != nil {
            let outages = try OutageSurvival(study: study)
            let outageProgress = StudyProgress(total: outages.startHours, command: "outage survival", items: "start hours")
            survival = try await outageProgress.reporting { try await outages.run(seed: seed, progress: outageProgress) }
        }
        return ReliabilityAssessment(study: study, result: result, survival: survival, seed: seed, seconds: seconds)
    }

    /// Sample-years per second of the Monte Carlo.
    public var sampleYearsPerSecond: Double { seconds > 0 ? Double(result.samples.count) / seconds : 0 }
}
