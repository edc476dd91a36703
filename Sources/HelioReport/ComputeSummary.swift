import HelioGrid

/// `summary.json` `compute`: the service the campus's GPU work received (docs/compute.md), in
/// GPU-hours (work at full power over one busy GPU's power above idle), all zero when the run was rigid.
public struct ComputeSummary: Codable, Sendable, Equatable {
    /// One class's service.
    public struct ClassService: Codable, Sendable, Equatable {
        /// GPU-hours of work the class brought.
        public var gpuHours: Double
        /// GPU-hours run later than they arrived.
        public var gpuHoursDeferred: Double
        /// Mean and longest delay of deferred work, hours.
        public var meanDelayHours, maxDelayHours: Double
        /// GPU-hours of throughput lost to power caps.
        public var throughputLostGPUHours: Double
        /// Steps in which work reached its deadline unrun.
        public var deadlineMisses: Int
        enum CodingKeys: String, CodingKey {
            case gpuHours = "gpu_hours", gpuHoursDeferred = "gpu_hours_deferred", meanDelayHours = "mean_delay_hours"
            case maxDelayHours = "max_delay_hours", throughputLostGPUHours = "throughput_lost_gpu_hours", deadlineMisses = "deadline_misses"
        }
    }

    /// `rigid` or `flexible`.
    public var mode: String
    /// GPU-hours of batch work run later than they arrived.
    public var gpuHoursDeferred: Double
    /// Mean and longest delay of deferred work, hours.
    public var meanDelayHours, maxDelayHours: Double
    /// GPU-hours of throughput lost to power caps, and what they cost at `throughput_cost_per_gpu_hour`.
    public var throughputLostGPUHours, throughputCost: Double
    /// Steps in which batch work reached its deadline unrun, and its GPU-hours.
    public var deadlineMisses: Int
    public var deadlineMissedGPUHours: Double
    /// Facility energy of deferred work run on PV alone, kWh.
    public var energyShiftedIntoPVKWh: Double
    /// Hours with training under a power cap; IT energy the caps saved, kWh.
    public var cappedHours, capSavedKWh: Double
    /// IT energy curtailment events asked for that the work could not shed, kWh.
    public var eventShortfallKWh: Double
    /// GPU-hours still waiting at the end of the run.
    public var queuedAtEndGPUHours: Double
    /// The same per class: `interactive`, `training`, `batch`.
    public var classes: [String: ClassService]

    enum CodingKeys: String, CodingKey {
        case mode, classes
        case gpuHoursDeferred = "gpu_hours_deferred", meanDelayHours = "mean_delay_hours", maxDelayHours = "max_delay_hours"
        case throughputLostGPUHours = "throughput_lost_gpu_hours", throughputCost = "throughput_cost", deadlineMisses = "deadline_misses"
        case deadlineMissedGPUHours = "deadline_missed_gpu_hours", energyShiftedIntoPVKWh = "energy_shifted_into_pv_kwh"
        case cappedHours = "capped_hours", capSavedKWh = "cap_saved_kwh", eventShortfallKWh = "event_shortfall_kwh"
        case queuedAtEndGPUHours = "queued_at_end_gpu_hours"
    }

    /// The service of `result`'s run.
    public init(result: SimulationResult) {
        let t = result.totals.compute, load = result.scenario.load
        let gpuKW = ComputeProfile.gpuKW(load)
        mode = result.scenario.dispatch.compute.rawValue
        gpuHoursDeferred = t.batchDeferredKWh / gpuKW
        meanDelayHours = t.batchMeanDelayHours
        maxDelayHours = t.batchMaxDelayHours
        throughputLostGPUHours = t.trainingLostKWh / gpuKW
        throughputCost = throughputLostGPUHours * load.flexibility.throughputCostPerGPUHour
        deadlineMisses = t.batchMissSteps
        deadlineMissedGPUHours = t.batchMissedKWh / gpuKW
        energyShiftedIntoPVKWh = t.shiftedIntoPVKWh
        cappedHours = Double(t.cappedSteps) * result.axis.stepHours
        capSavedKWh = t.trainingCapSavedKWh
        eventShortfallKWh = t.eventShortfallKWh
        queuedAtEndGPUHours = t.batchQueuedAtEndKWh / gpuKW
        classes = [
            "interactive": ClassService(gpuHours: t.interactiveKWh / gpuKW, gpuHoursDeferred: 0, meanDelayHours: 0, maxDelayHours: 0,
                                        throughputLostGPUHours: 0, deadlineMisses: 0),
            "training": ClassService(gpuHours: t.trainingKWh / gpuKW, gpuHoursDeferred: 0, meanDelayHours: 0, maxDelayHours: 0,
                                     throughputLostGPUHours: throughputLostGPUHours, deadlineMisses: 0),
            "batch": ClassService(gpuHours: t.batchArrivedKWh / gpuKW, gpuHoursDeferred: gpuHoursDeferred, meanDelayHours: meanDelayHours,
                                  maxDelayHours: maxDelayHours, throughputLostGPUHours: 0, deadlineMisses: deadlineMisses),
        ]
    }

    /// The plain-words warning when batch work missed its deadline (`nil` when none did).
    public var deadlineWarning: String? {
        guard deadlineMisses > 0 else { return nil }
        return "batch work missed its deadline in \(deadlineMisses) steps (\(NumberFormat.grouped(deadlineMissedGPUHours)) GPU-hours): "
            + "the GPUs left by interactive and training work could not run all the work due"
    }
}
