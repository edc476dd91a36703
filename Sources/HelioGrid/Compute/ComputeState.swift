/// What a strategy sees of the campus's GPU work at one step (all powers step averages in kW, GPU
/// work at full power): the work that does not move, training that may be capped, the batch queue
/// with what is due, and how facility power follows IT power. See docs/compute.md.
public struct ComputeState: Sendable {
    /// IT power that neither moves nor is capped: idle nodes, fabric and interactive work, kW.
    public var fixedITKW = 0.0
    /// Training work at full power, kW; a cap c draws c times it.
    public var trainingKW = 0.0
    /// Lowest cap on training, fraction of its power.
    public var capFloor = 1.0
    /// Batch work that reaches its deadline this step, kW.
    public var dueKW = 0.0
    /// Batch work that must run this step for every waiting deadline to stay within the GPUs left
    /// in the steps before it (what is due now included), kW.
    public var requiredKW = 0.0
    /// Batch work arriving this step (what rigid operation runs now), kW.
    public var arrivingKW = 0.0
    /// All batch work waiting, arrivals and due work included, kW if run in this step.
    public var queuedKW = 0.0
    /// GPU capacity left for batch work after interactive and training work, kW at full power.
    public var spareKW = 0.0
    /// An event's limit on IT power this step (`[[load.events]]`, `POST /v1/curtailments`), kW; infinite without one.
    public var itLimitKW = Double.infinity
    /// Facility kW per IT kW at the margin: 1 + (PUE − 1)(1 − fixed share) (``CoolingModel``).
    public var facilityPerITKW = 1.0
    /// Facility power that does not follow IT power (fixed cooling share, battery auxiliaries), kW.
    public var facilityFixedKW = 0.0

    /// Creates an empty state (no GPU work).
    public init() {}

    /// The least batch work that may run: what is due or needed to keep later deadlines, as far as the GPUs allow, kW.
    public var minimumBatchKW: Double { min(max(dueKW, requiredKW), spareKW) }
    /// The most batch work that can run: the whole queue, as far as the GPUs allow, kW.
    public var maximumBatchKW: Double { min(queuedKW, spareKW) }
    /// What rigid operation runs: the arrivals (and at least what must run), kW.
    public var nominalBatchKW: Double { min(max(minimumBatchKW, arrivingKW), maximumBatchKW) }
    /// Rigid operation's choice.
    public var nominal: ComputeChoice { ComputeChoice(batchKW: nominalBatchKW) }

    /// `choice` held to what this step allows: batch work between ``minimumBatchKW`` and
    /// ``maximumBatchKW``, the training cap between its floor and 1 (a plan made on other numbers,
    /// such as the LP's, is carried out this way).
    public func allowed(_ choice: ComputeChoice) -> ComputeChoice {
        ComputeChoice(batchKW: min(max(choice.batchKW, minimumBatchKW), maximumBatchKW), trainingCap: min(max(choice.trainingCap, capFloor), 1))
    }

    /// IT power under `choice`, kW.
    @inline(__always)
    public func itKW(_ choice: ComputeChoice) -> Double { fixedITKW + trainingKW * choice.trainingCap + choice.batchKW }

    /// Facility power under `choice`, kW.
    @inline(__always)
    public func facilityKW(_ choice: ComputeChoice) -> Double { facilityFixedKW + facilityPerITKW * itKW(choice) }

    /// The choice that lowers facility power from `start` by `reductionKW` at the least cost in
    /// throughput: batch work deferred first (down to what is due), then, when `capping`, training
    /// capped (down to the floor); as far as those go.
    public func reduced(by reductionKW: Double, from start: ComputeChoice, capping: Bool = true) -> ComputeChoice {
        var choice = start
        var remainingIT = max(0, reductionKW) / facilityPerITKW
        let deferred = min(remainingIT, max(0, choice.batchKW - minimumBatchKW))
        choice.batchKW -= deferred
        remainingIT -= deferred
        guard capping, remainingIT > 0, trainingKW > 0 else { return choice }
        let capped = min(remainingIT, trainingKW * max(0, choice.trainingCap - capFloor))
        choice.trainingCap -= capped / trainingKW
        return choice
    }

    /// The choice with facility power raised from `start` by up to `increaseKW`, running queued batch work.
    public func raised(by increaseKW: Double, from start: ComputeChoice) -> ComputeChoice {
        var choice = start
        choice.batchKW = min(maximumBatchKW, choice.batchKW + max(0, increaseKW) / facilityPerITKW)
        return choice
    }

    /// The choice held to the event limit: `start` reduced until IT power is at most ``itLimitKW``.
    public func withinLimit(_ start: ComputeChoice) -> ComputeChoice {
        let excessIT = itKW(start) - itLimitKW
        guard excessIT > 0 else { return start }
        return reduced(by: excessIT * facilityPerITKW, from: start)
    }
}
