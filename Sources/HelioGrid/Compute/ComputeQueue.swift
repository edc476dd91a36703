/// The batch-work queue of a run in flexible operation: work waiting, bucketed by the step its
/// deadline falls in (a ring of `maxSlack + 1` buckets), run earliest deadline first. Each bucket
/// also keeps its work's mean arrival step, from which delays are counted.
struct ComputeQueue {
    private var buckets: [Double]
    private var arrivalSums: [Double]
    private let maxSlackSteps: Int
    /// Work waiting, kWh at full power.
    private(set) var queuedKWh = 0.0

    /// An empty queue for deadlines up to `maxSlackSteps` after arrival.
    init(maxSlackSteps: Int) {
        self.maxSlackSteps = maxSlackSteps
        buckets = [Double](repeating: 0, count: maxSlackSteps + 1)
        arrivalSums = buckets
    }

    /// Adds `kWh` arriving at `step`, due at the end of step `step + slackSteps`.
    @inline(__always)
    mutating func arrive(_ kWh: Double, step: Int, slackSteps: Int) {
        let index = (step + slackSteps) % buckets.count
        buckets[index] += kWh
        arrivalSums[index] += kWh * Double(step)
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
        while left > 1e-12 && due <= step + maxSlackSteps {
            let index = due % buckets.count
            let held = buckets[index]
            if held > 1e-12 {
                let taken = min(left, held)
                let arrival = arrivalSums[index] / held
                if held - taken > 1e-9 {
                    buckets[index] -= taken
                    arrivalSums[index] -= taken * arrival
                } else {
                    (buckets[index], arrivalSums[index]) = (0, 0)
                }
                left -= taken
                // The mean arrival of whole steps, rounded off the sums' floating-point error.
                let delayHours = ((Double(step) - arrival) * 1e6).rounded() / 1e6 * stepHours
                if delayHours > 1e-9 {
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
        buckets[index] = 0
        arrivalSums[index] = 0
        guard missed > 1e-9 else { return }
        queuedKWh = max(0, queuedKWh - missed)
        totals.batchMissedKWh += missed
        totals.batchMissSteps += 1
    }
}
