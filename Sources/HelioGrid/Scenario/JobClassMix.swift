/// `[load.jobs.<class>]`: how one class of generated jobs arrives (docs/compute.md): a Poisson
/// stream of jobs with sizes log-uniform over powers of two and exponential run times, at the rate
/// that keeps `share` of the cluster's GPUs busy on average.
public struct JobClassMix: Sendable, Equatable {
    /// Share of the cluster's GPU-hours the class uses on average, fraction.
    public var share: Double
    /// Smallest and largest job, GPUs (powers of two between them are drawn log-uniformly).
    public var gpusMin: Int, gpusMax: Int
    /// Mean run time at full power, hours.
    public var meanHours: Double
    /// Batch: the deadline, hours after the job could finish if it started at submission.
    public var deadlineHours: Double
    /// Checkpoint interval, hours.
    public var checkpointHours: Double
    /// Lowest power cap its jobs accept, fraction.
    public var minPowerCap: Double

    /// A mix; see the properties for units.
    public init(share: Double, gpusMin: Int, gpusMax: Int, meanHours: Double, deadlineHours: Double = 0, checkpointHours: Double = 0,
                minPowerCap: Double = 1) {
        self.share = share
        self.gpusMin = gpusMin
        self.gpusMax = gpusMax
        self.meanHours = meanHours
        self.deadlineHours = deadlineHours
        self.checkpointHours = checkpointHours
        self.minPowerCap = minPowerCap
    }

    /// The defaults of each class.
    public static func defaults(_ jobClass: JobClass) -> JobClassMix {
        switch jobClass {
        case .interactive: JobClassMix(share: 0.10, gpusMin: 8, gpusMax: 64, meanHours: 2)
        case .training: JobClassMix(share: 0.55, gpusMin: 128, gpusMax: 1024, meanHours: 48, checkpointHours: 6, minPowerCap: 0.7)
        case .batch: JobClassMix(share: 0.15, gpusMin: 8, gpusMax: 512, meanHours: 4, deadlineHours: 24, checkpointHours: 1, minPowerCap: 0.5)
        }
    }

    init(_ section: inout ScenarioSection, jobClass: JobClass, gpus: Int) throws {
        let d = Self.defaults(jobClass)
        share = try section.double("share", default: d.share, in: 0...1)
        gpusMin = try section.int("gpus_min", default: min(d.gpusMin, gpus), in: 1...gpus)
        gpusMax = try section.int("gpus_max", default: min(d.gpusMax, gpus), in: gpusMin...gpus)
        meanHours = try section.positive("mean_hours", default: d.meanHours, max: 8760)
        deadlineHours = jobClass == .batch ? try section.double("deadline_hours", default: d.deadlineHours, in: 0...168) : 0
        checkpointHours = try section.double("checkpoint_hours", default: d.checkpointHours, in: 0...8760)
        minPowerCap = jobClass == .interactive ? 1
            : try section.double("min_power_cap", default: d.minPowerCap, in: FlexibilityConfig.lowestPowerCapFloor...1)
        try section.finish()
    }
}
