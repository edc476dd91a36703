import Foundation
import HelioGrid
import HelioServer

/// One flexible partition steered by the EMS's plan (``SlurmAgentCommand``): each pass holds new
/// pending jobs and places them with the EMS, releases held jobs whose planned start has come,
/// carries out what the EMS asks of running jobs for a curtailment (suspend and resume, a lower power
/// cap) and sets each running job's power cap to the one the EMS asks, notes jobs that ran while the
/// EMS still held them, and notes finished jobs against their deadlines on the plant clock.
///
/// It keeps steering whatever one job or the EMS does: a job whose comment cannot be read, or that
/// the EMS refuses (a 4xx naming it), is logged and left as it was (a hold the agent put on it is
/// taken off); a plan whose power cap is outside the GPU's limits is logged and not acted on; the
/// EMS down or answering with an error or garbage ends the pass with Slurm left alone
/// (``SlurmAgentError/emsUnavailable(_:)``), and the command retries with backoff.
struct SlurmAgent {
    /// What the agent knows of a job.
    struct Tracked {
        var plan: JobStatus
        var releasedAtMS: Int64?
        var finishedAtMS: Int64?
        /// Whether the agent suspended it.
        var suspended = false
        /// The power cap last set on its GPUs, fraction (1: none set).
        var appliedCap = 1.0
    }

    let ems: EMSClient
    let queue: SlurmQueue
    /// The cap command's words; `{job}` and `{watts}` are replaced (the watts appended without `{watts}`).
    let capCommand: [String]
    /// The GPU's uncapped power and the lowest cap it takes, W.
    let gpuWatts: Double, minGPUWatts: Double
    private(set) var jobs: [String: Tracked] = [:]
    /// Jobs left alone (a comment that cannot be read, or refused by the EMS), by id and comment: a
    /// job whose comment is changed is tried again.
    private(set) var skipped: Set<String> = []
    /// Jobs seen running while the EMS's plan held them.
    private(set) var startedEarly = 0
    /// Suspensions, resumptions and cap changes carried out for curtailments.
    private(set) var curtailment = (suspended: 0, resumed: 0, capped: 0)

    init(ems: EMSClient, queue: SlurmQueue, capCommand: [String], gpuWatts: Double, minGPUWatts: Double) {
        self.ems = ems
        self.queue = queue
        self.capCommand = capCommand
        self.gpuWatts = gpuWatts
        self.minGPUWatts = minGPUWatts
    }

    /// The latest plant clock the EMS has answered with, Unix ms.
    private(set) var plantMS: Int64 = 0

    /// One pass over the partition: nothing is asked of Slurm until the EMS has answered.
    mutating func pass() async throws {
        plantMS = max(plantMS, try await ems.plantTimeMS())
        let listed = try queue.jobs()
        for job in listed where job.state == "PENDING" && jobs[job.id] == nil && !skipped.contains(Self.key(job)) {
            try await take(job)
        }
        let inQueue = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in jobs.keys.sorted() where jobs[id]?.finishedAtMS == nil {
            guard let plan = try await currentPlan(id) else { continue }
            plantMS = max(plantMS, plan.nowMS)
            jobs[id]?.plan = plan
            if jobs[id]?.releasedAtMS == nil {
                try release(id, plan: plan, queued: inQueue[id])
            } else if let queued = inQueue[id] {
                try steer(id, plan: plan, queued: queued)
            }
        }
        for (id, tracked) in jobs where tracked.releasedAtMS != nil && tracked.finishedAtMS == nil && inQueue[id] == nil {
            jobs[id]?.finishedAtMS = plantMS
            log("finished \(id) by \(Self.iso(plantMS))\(plantMS > tracked.plan.job.deadlineMS ? ", after its deadline" : "")")
        }
    }

    /// Holds a new pending job and places it with the EMS. A comment that cannot be read, an EMS
    /// refusal or a plan outside the GPU's limits leaves the job as it was (skipped); any other
    /// failure (the EMS unavailable, the token refused) takes the hold off again and ends the pass.
    private mutating func take(_ job: SlurmQueue.Job) async throws {
        let request: JobRequest
        do {
            request = try Self.request(job)
        } catch {
            return skip(job, because: "\(error)")
        }
        let holding = !job.isHeld
        if holding { try queue.hold(job.id) }
        let plan: JobStatus
        do {
            plan = try await ems.place(request)
            try check(plan)
        } catch {
            // Whatever went wrong (a refusal, the EMS unavailable, the token refused), the agent's hold comes off.
            if holding { try queue.release(job.id) }
            guard case let .refused(reason) = error as? SlurmAgentError else { throw error }
            return skip(job, because: reason)
        }
        plantMS = max(plantMS, plan.nowMS)
        jobs[job.id] = Tracked(plan: plan)
        log("held \(job.id): planned start \(Self.iso(plan.job.plannedStartMS)), cap \(plan.job.cap), deadline \(Self.iso(plan.job.deadlineMS)) (\(plan.job.reason))")
    }

    /// The EMS's plan for a tracked job now: `nil` (and the job left as it is this pass) when the EMS
    /// refuses to answer for it or answers a cap outside the GPU's limits; a job the EMS no longer
    /// knows (retired) is forgotten.
    private mutating func currentPlan(_ id: String) async throws -> JobStatus? {
        do {
            let plan = try await ems.plan(id: id)
            try check(plan)
            return plan
        } catch SlurmAgentError.refused(let reason) {
            log("left \(id) as it is this pass: \(reason)")
            return nil
        } catch SlurmAgentError.unknownJob {
            log("the EMS no longer knows \(id); no longer steered")
            jobs[id] = nil
            return nil
        }
    }

    /// Throws ``SlurmAgentError/refused(_:)`` when a cap of `plan` is not a fraction the GPU takes:
    /// finite, at most 1, and at least the GPU's lowest power (`--min-gpu-watts`).
    private func check(_ plan: JobStatus) throws(SlurmAgentError) {
        for (name, cap) in [("cap", plan.job.cap), ("directive cap", plan.directive.cap)] {
            guard cap.isFinite, cap <= 1, cap * gpuWatts >= minGPUWatts else {
                throw .refused("the EMS's \(name) \(cap) is outside the GPU's \(Int(minGPUWatts))–\(Int(gpuWatts)) W")
            }
        }
    }

    /// Leaves `job` as it was, logging why, until its comment changes.
    private mutating func skip(_ job: SlurmQueue.Job, because reason: String) {
        skipped.insert(Self.key(job))
        log("skipped \(job.id), left as it was: \(reason)")
    }

    private static func key(_ job: SlurmQueue.Job) -> String { job.id + "\u{0}" + job.comment }

    /// Releases a held job once the EMS's plan lets it run.
    private mutating func release(_ id: String, plan: JobStatus, queued: SlurmQueue.Job?) throws {
        if queued?.state == "RUNNING" && plan.state == .held { startedEarly += 1 }
        guard plan.state != .held else { return }
        try queue.release(id)
        jobs[id]?.releasedAtMS = plan.nowMS
        log("released \(id) at \(Self.iso(plan.nowMS)) (planned \(Self.iso(plan.job.plannedStartMS))), to run at a \(Int(plan.directive.cap * 100)) % power cap")
    }

    /// Carries out the EMS's directive for a released job still in the queue: suspend or resume it,
    /// and set its GPUs' cap once it runs.
    private mutating func steer(_ id: String, plan: JobStatus, queued: SlurmQueue.Job) throws {
        guard var tracked = jobs[id] else { return }
        defer { jobs[id] = tracked }
        let suspend = plan.directive.action == .suspend
        if suspend && !tracked.suspended && queued.state == "RUNNING" {
            try queue.suspend(id)
            tracked.suspended = true
            curtailment.suspended += 1
            log("suspended \(id) at \(Self.iso(plan.nowMS)) for a curtailment")
        } else if !suspend && tracked.suspended {
            try queue.resume(id)
            tracked.suspended = false
            curtailment.resumed += 1
            log("resumed \(id) at \(Self.iso(plan.nowMS))")
        }
        guard queued.state == "RUNNING", !tracked.suspended, abs(plan.directive.cap - tracked.appliedCap) > 1e-6 else { return }
        let watts = Int((plan.directive.cap * gpuWatts).rounded())   // checked: within the GPU's limits
        _ = try queue.run(capCommand[0], Self.capArguments(Array(capCommand.dropFirst()), job: id, watts: watts))
        if plan.directive.action == .cap { curtailment.capped += 1 }
        log("capped \(id)'s GPUs at \(watts) W (\(Int(plan.directive.cap * 100)) %)\(plan.directive.action == .cap ? " for a curtailment" : "")")
        tracked.appliedCap = plan.directive.cap
    }

    /// The cap command's arguments for `job` at `watts`: `{job}` and `{watts}` replaced, the watts
    /// appended when no argument names them.
    static func capArguments(_ arguments: [String], job: String, watts: Int) -> [String] {
        let replaced = arguments.map { $0.replacingOccurrences(of: "{job}", with: job).replacingOccurrences(of: "{watts}", with: "\(watts)") }
        return arguments.contains { $0.contains("{watts}") } ? replaced : replaced + ["\(watts)"]
    }

    /// Whether every job seen has been released and has left the queue.
    var isIdle: Bool { !jobs.isEmpty && jobs.values.allSatisfy { $0.finishedAtMS != nil } }

    /// Whether every finished job finished by its deadline (on the plant clock, to the agent's pass).
    var deadlinesMet: Bool { jobs.values.allSatisfy { ($0.finishedAtMS ?? 0) <= $0.plan.job.deadlineMS } }

    /// What the agent did for curtailments, a line.
    var curtailmentSummary: String {
        "slurm flex curtailment: \(curtailment.suspended) suspended, \(curtailment.resumed) resumed, \(curtailment.capped) capped"
    }

    /// The closing line.
    var summary: String {
        let released = jobs.values.filter { $0.releasedAtMS != nil }.count
        let verdict = deadlinesMet && startedEarly == 0 ? "deadlines met"
            : "\(jobs.values.filter { ($0.finishedAtMS ?? 0) > $0.plan.job.deadlineMS }.count) deadlines missed, \(startedEarly) started early"
        return "slurm flex: \(jobs.count) held, \(released) released, \(verdict)"
    }

    /// The EMS request for `job` from its comment.
    static func request(_ job: SlurmQueue.Job) throws -> JobRequest {
        let fields = job.fields
        guard let gpus = fields["gpus"].flatMap({ Int($0) }), let hours = fields["hours"].flatMap({ Double($0) }), hours.isFinite,
              let deadline = fields["deadline"] else {
            throw HelioError(.usage, "job \(job.id): its comment must give gpus=N;hours=H;deadline=ISO 8601 (found '\(job.comment)')")
        }
        let named = fields["class"] ?? JobClass.batch.rawValue
        guard let jobClass = JobClass(rawValue: named) else {
            throw HelioError(.usage, "job \(job.id): class must be batch or training, found '\(named)'")
        }
        let cap = try fields["cap"].map { text in
            guard let cap = Double(text), cap.isFinite else { throw HelioError(.usage, "job \(job.id): cap must be a number, found '\(text)'") }
            return cap
        }
        return JobRequest(id: job.id, gpus: gpus, hours: hours, deadline: deadline, jobClass: jobClass, minPowerCap: cap)
    }

    private static func iso(_ ms: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data(("slurm-agent: " + line + "\n").utf8))
    }
}
