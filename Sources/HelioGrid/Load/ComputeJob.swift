/// One GPU job of the campus's workload (a job trace row or a generated job), on the run's clock.
public struct ComputeJob: Sendable, Equatable {
    /// Identifier.
    public var id: String
    /// Submission, minutes from the start of the first simulated year (site standard time).
    public var submitMinute: Double
    /// GPUs it holds while running.
    public var gpus: Int
    /// Run time at full power, hours.
    public var hours: Double
    /// Service class.
    public var jobClass: JobClass
    /// When it must be finished, minutes on the same clock (`nil`: no deadline).
    public var deadlineMinute: Double?
    /// Checkpoint interval, hours (0: none); a live scheduler pauses it only at checkpoints.
    public var checkpointHours: Double
    /// Lowest power cap it accepts, fraction of its uncapped power (1: never capped).
    public var minPowerCap: Double

    /// A job; see the properties for units.
    public init(id: String, submitMinute: Double, gpus: Int, hours: Double, jobClass: JobClass, deadlineMinute: Double?,
                checkpointHours: Double, minPowerCap: Double) {
        self.id = id
        self.submitMinute = submitMinute
        self.gpus = gpus
        self.hours = hours
        self.jobClass = jobClass
        self.deadlineMinute = deadlineMinute
        self.checkpointHours = checkpointHours
        self.minPowerCap = minPowerCap
    }
}
