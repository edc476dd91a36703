/// The batch-work queue of a run in flexible operation: work waiting, bucketed by the step its
/// deadline falls in (a ring of `slack + 1` buckets), run earliest deadline first.
struct ComputeQueue {
    private var buckets: [Double]
    private let slackSteps: Int
    /// Work waiting, kWh at full power.
    private(set) var queuedKWh = 0.0

    /// An empty queue for deadlines `slackSteps` after arrival.
    init(slackSteps: Int) {
        self.slackSteps = slackSteps
        buckets = [Double](repeating: 0, count: slackSteps + 1)
    }

    /// Adds `kWh` arriving at `step`, due at the end of step `step + slack`.
    @inline(__always)
    mutating func arrive(_ kWh: Double, step: Int) {
        buckets[(step + slackSteps) % buckets.count] += kWh
        queuedKWh += kWh
    }

    /// Work due at the end of `step`, kWh.
    @inline(__always)
    func dueKWh(step: Int) -> Double { buckets[step % buckets.count] }

    /// Runs `kWh` at `step` earliest deadline first, adding the deferred work and its delays
    /// (`stepHours` per step) to `totals`; returns the deferred part.
    @discardableResult
    mutating func run(_ kWh: Double, step: Int, stepHours: Double, into totals: inout ComputeTotals) -> Double {
        var left = min(kWh, queuedKWh), deferred = 0.0
        var due = step
        while left > 1e-12 && due <= step + slackSteps {
            let index = due % buckets.count
            let taken = min(left, buckets[index])
            if taken > 0 {
                buckets[index] -= taken
                left -= taken
                let delaySteps = step - (due - slackSteps)
                if delaySteps > 0 {
                    let delayHours = Double(delaySteps) * stepHours
                    deferred += taken
                    totals.batchDelayKWhHours += taken * delayHours
                    totals.batchMaxDelayHours = max(totals.batchMaxDelayHours, delayHours)
                }
            }
            due += 1
        }
        let ran = min(kWh, queuedKWh) - left
        queuedKWh = max(0, queuedKWh - ran)
        totals.batchRunKWh += ran
        totals.batchDeferredKWh += deferred
        return deferred
    }

    /// Drops what is still due at the end of `step` (its deadline passed unrun) into `totals`.
    mutating func expire(step: Int, into totals: inout ComputeTotals) {
        let index = step % buckets.count
        let missed = buckets[index]
        guard missed > 1e-9 else { return }
        buckets[index] = 0
        queuedKWh = max(0, queuedKWh - missed)
        totals.batchMissedKWh += missed
        totals.batchMissSteps += 1
    }
}
