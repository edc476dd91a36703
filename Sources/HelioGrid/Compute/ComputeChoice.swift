/// What a strategy decides for the campus's flexible GPU work in one step.
public struct ComputeChoice: Sendable, Equatable {
    /// Batch work run this step, kW of GPU power at full power (the queue runs earliest deadline first).
    public var batchKW: Double
    /// Power cap on training work, fraction of its uncapped power (1: uncapped).
    public var trainingCap: Double

    /// A choice of `batchKW` of batch work and training at `trainingCap`.
    public init(batchKW: Double, trainingCap: Double = 1) {
        self.batchKW = batchKW
        self.trainingCap = trainingCap
    }
}
