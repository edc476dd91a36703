/// Jobs run as a rigid cluster scheduler runs them, uncapped, for their run time, and what that
/// gives per step of one year (docs/compute.md). The scheduler is first come, first served with
/// EASY backfilling (D. Lifka, "The ANL/IBM SP Scheduling System", JSSPP 1995; A. Mu'alem and
/// D. Feitelson, IEEE TPDS 12(6), 2001), as Slurm's backfill plugin runs it: the job at the head of
/// the queue starts as soon as its GPUs are free; until then it holds a reservation at the earliest
/// time enough GPUs free up, and a later job may start at once if it fits the free GPUs and either
/// ends before that time or leaves the head's GPUs free. At most ``backfillDepth`` queued jobs are
/// tried per pass (Slurm's `bf_max_job_test`).
public struct JobSchedule: Sendable {
    /// A piece of batch work: busy GPUs of one job over part of a step, and how many steps after the
    /// step it may wait (its deadline after the job's rigid end).
    public struct BatchPiece: Sendable, Equatable {
        /// Step of the year.
        public var step: Int
        /// GPUs busy, averaged over the step.
        public var gpus: Double
        /// Steps it may wait.
        public var slackSteps: Int
    }

    /// Busy GPUs per step of interactive and of training work (averages over the step).
    public var interactiveGPUs: [Double], trainingGPUs: [Double]
    /// Σ busy training GPUs × their job's lowest cap, per step.
    public var trainingFloorGPUs: [Double]
    /// Batch work per step and deadline, in step order.
    public var batchPieces: [BatchPiece]
    /// Jobs whose rigid run already ends after their deadline (queueing on the cluster).
    public var lateJobIDs: [String]
    /// Jobs scheduled.
    public var jobCount: Int

    /// The schedule of `jobs` on `gpus` GPUs over one year on `axis` (work before the year or after
    /// it is left out).
    public init(jobs: [ComputeJob], gpus: Int, axis: TimeAxis) {
        let steps = axis.stepsPerYear, stepMinutes = Double(axis.stepMinutes), yearMinutes = Double(CivilCalendar.minutesPerYear)
        interactiveGPUs = [Double](repeating: 0, count: steps)
        trainingGPUs = interactiveGPUs
        trainingFloorGPUs = interactiveGPUs
        batchPieces = []
        lateJobIDs = []
        jobCount = jobs.count
        for (job, start) in Self.starts(jobs, gpus: gpus) {
            let end = start + job.hours * 60
            if let deadline = job.deadlineMinute, end > deadline + 1e-6 { lateJobIDs.append(job.id) }
            let slack = job.deadlineMinute.map { max(0, Int((($0 - end) / stepMinutes).rounded(.down))) } ?? 0
            let first = max(0, Int((max(0, start) / stepMinutes).rounded(.down)))
            let lastStep = min(steps - 1, Int((min(end, yearMinutes) / stepMinutes).rounded(.up)) - 1)
            guard end > 0, start < yearMinutes, first <= lastStep else { continue }
            for step in first...lastStep {
                let overlap = min(end, Double(step + 1) * stepMinutes) - max(start, Double(step) * stepMinutes)
                guard overlap > 0 else { continue }
                let busy = Double(job.gpus) * overlap / stepMinutes
                switch job.jobClass {
                case .interactive: interactiveGPUs[step] += busy
                case .training:
                    trainingGPUs[step] += busy
                    trainingFloorGPUs[step] += busy * job.minPowerCap
                case .batch: batchPieces.append(BatchPiece(step: step, gpus: busy, slackSteps: slack))
                }
            }
        }
        batchPieces.sort { ($0.step, $0.slackSteps) < ($1.step, $1.slackSteps) }
    }

    /// Queued jobs tried for backfilling in one pass.
    public static let backfillDepth = 200

    /// Each job with its start, minutes, in submission order.
    static func starts(_ jobs: [ComputeJob], gpus: Int) -> [(ComputeJob, Double)] {
        let ordered = jobs.sorted { ($0.submitMinute, $0.id) < ($1.submitMinute, $1.id) }
        var started: [(ComputeJob, Double)] = []
        started.reserveCapacity(ordered.count)
        var running: [(end: Double, gpus: Int)] = []   // latest end first
        var pending: [Int] = [], arrived = 0, free = gpus
        var now = ordered.first?.submitMinute ?? 0
        func start(_ index: Int) {
            let job = ordered[index]
            free -= job.gpus
            let end = now + job.hours * 60
            running.insert((end, job.gpus), at: insertionIndex(running, end: end))
            started.append((job, now))
        }
        while arrived < ordered.count || !pending.isEmpty {
            while arrived < ordered.count && ordered[arrived].submitMinute <= now {
                pending.append(arrived)
                arrived += 1
            }
            while let next = running.last, next.end <= now {
                free += next.gpus
                running.removeLast()
            }
            while let head = pending.first, ordered[head].gpus <= free {
                start(head)
                pending.removeFirst()
            }
            if let head = pending.first {
                // The head's reservation: when enough GPUs will be free, and how many it leaves spare then.
                var shadow = now, available = free
                for job in running.reversed() where available < ordered[head].gpus {
                    available += job.gpus
                    shadow = job.end
                }
                var extra = available - ordered[head].gpus
                var tried = 0, position = 1
                while position < pending.count && tried < backfillDepth {
                    let job = ordered[pending[position]]
                    tried += 1
                    let endsBefore = now + job.hours * 60 <= shadow
                    if job.gpus <= free && (endsBefore || job.gpus <= extra) {
                        if !endsBefore { extra -= job.gpus }
                        start(pending[position])
                        pending.remove(at: position)
                    } else {
                        position += 1
                    }
                }
            }
            let nextArrival = arrived < ordered.count ? ordered[arrived].submitMinute : Double.infinity
            let nextEnd = running.last?.end ?? Double.infinity
            guard nextArrival.isFinite || nextEnd.isFinite else { break }
            now = min(nextArrival, nextEnd)
        }
        return started
    }

    /// Where a job ending at `end` goes in `running` (latest end first): a binary search.
    private static func insertionIndex(_ running: [(end: Double, gpus: Int)], end: Double) -> Int {
        var low = 0, high = running.count
        while low < high {
            let middle = (low + high) / 2
            if running[middle].end < end { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
