/// The service the campus's GPU work received over a period (docs/compute.md): what batch work was
/// deferred and by how long, what training lost to power caps, what missed its deadline, what moved
/// into hours of PV. Work is in kWh of GPU power at full power; ``ComputeProfile/gpuKW`` turns it
/// into GPU-hours.
public struct ComputeTotals: Sendable, Equatable {
    /// Batch work that arrived, kWh.
    public var batchArrivedKWh = 0.0
    /// Batch work run, kWh.
    public var batchRunKWh = 0.0
    /// Batch work run in a later step than it arrived in, kWh.
    public var batchDeferredKWh = 0.0
    /// Σ work × delay over deferred batch work, kWh·h (over ``batchDeferredKWh``: the mean delay).
    public var batchDelayKWhHours = 0.0
    /// Longest delay of any batch work, hours.
    public var batchMaxDelayHours = 0.0
    /// Batch work that reached its deadline unrun (no GPU capacity left), kWh.
    public var batchMissedKWh = 0.0
    /// Steps in which batch work missed its deadline.
    public var batchMissSteps = 0
    /// Batch work still waiting at the end of the period, kWh (arrived = run + missed + waiting at the end, over a run).
    public var batchQueuedAtEndKWh = 0.0
    /// Facility energy of deferred batch work run in steps the bus took no energy from gensets, the
    /// battery or the grid: energy moved into PV hours, kWh.
    public var shiftedIntoPVKWh = 0.0
    /// Training work at full power, kWh (what it would have drawn uncapped).
    public var trainingKWh = 0.0
    /// Training work lost to power caps, kWh (Σ training power × (1 − throughput(cap)) × hours).
    public var trainingLostKWh = 0.0
    /// IT energy power caps saved on training, kWh.
    public var trainingCapSavedKWh = 0.0
    /// Steps with training under a cap.
    public var cappedSteps = 0
    /// Interactive work run, kWh.
    public var interactiveKWh = 0.0
    /// IT energy an event's limit asked to shed that the work could not give, kWh.
    public var eventShortfallKWh = 0.0

    /// Empty totals.
    public init() {}

    /// Adds another period's totals.
    public mutating func add(_ other: ComputeTotals) {
        batchArrivedKWh += other.batchArrivedKWh
        batchRunKWh += other.batchRunKWh
        batchDeferredKWh += other.batchDeferredKWh
        batchDelayKWhHours += other.batchDelayKWhHours
        batchMaxDelayHours = max(batchMaxDelayHours, other.batchMaxDelayHours)
        batchMissedKWh += other.batchMissedKWh
        batchMissSteps += other.batchMissSteps
        batchQueuedAtEndKWh = other.batchQueuedAtEndKWh
        shiftedIntoPVKWh += other.shiftedIntoPVKWh
        trainingKWh += other.trainingKWh
        trainingLostKWh += other.trainingLostKWh
        trainingCapSavedKWh += other.trainingCapSavedKWh
        cappedSteps += other.cappedSteps
        interactiveKWh += other.interactiveKWh
        eventShortfallKWh += other.eventShortfallKWh
    }

    /// Mean delay of deferred batch work, hours (0 when none was deferred).
    public var batchMeanDelayHours: Double { batchDeferredKWh > 0 ? batchDelayKWhHours / batchDeferredKWh : 0 }
}
