import Foundation
import HelioGrid

/// One flexible partition steered by the EMS's plan (``SlurmAgentCommand``): each pass holds new
/// pending jobs and places them with the EMS, releases held jobs whose planned start has come (power
/// cap set first), notes jobs that ran while the EMS still held them, and notes finished jobs
/// against their deadlines on the plant clock.
struct SlurmAgent {
    /// What the agent knows of a job.
    struct Tracked {
        var plan: EMSClient.Plan
        var releasedAtMS: Int64?
        var finishedAtMS: Int64?
    }

    let ems: EMSClient
    let queue: SlurmQueue
    let capCommand: [String]
    let gpuWatts: Double
    private(set) var jobs: [String: Tracked] = [:]
    /// Jobs seen running while the EMS's plan held them.
    private(set) var startedEarly = 0

    init(ems: EMSClient, queue: SlurmQueue, capCommand: [String], gpuWatts: Double) {
        self.ems = ems
        self.queue = queue
        self.capCommand = capCommand
        self.gpuWatts = gpuWatts
    }

    /// The latest plant clock the EMS has answered with, Unix ms.
    private(set) var plantMS: Int64 = 0

    /// One pass over the partition.
    mutating func pass() async throws {
        plantMS = max(plantMS, try await ems.plantTimeMS())
        let listed = try queue.jobs()
        for job in listed where job.state == "PENDING" && jobs[job.id] == nil {
            if !job.isHeld { try queue.hold(job.id) }
            let plan = try await ems.place(try Self.request(job))
            plantMS = max(plantMS, plan.nowMS)
            jobs[job.id] = Tracked(plan: plan)
            log("held \(job.id): planned start \(Self.iso(plan.plannedStartMS)), cap \(plan.cap), deadline \(Self.iso(plan.deadlineMS)) (\(plan.reason))")
        }
        let inQueue = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, tracked) in jobs where tracked.releasedAtMS == nil {
            let plan = try await ems.plan(id: id)
            plantMS = max(plantMS, plan.nowMS)
            if inQueue[id]?.state == "RUNNING" && plan.state == "held" { startedEarly += 1 }
            guard plan.state != "held" else { continue }
            if plan.cap < 1 { _ = try SlurmQueue.run(capCommand[0], Array(capCommand.dropFirst()) + ["\(Int(plan.cap * gpuWatts))"]) }
            try queue.release(id)
            jobs[id]?.releasedAtMS = plan.nowMS
            log("released \(id) at \(Self.iso(plan.nowMS)) (planned \(Self.iso(plan.plannedStartMS))) with a \(Int(plan.cap * 100)) % power cap")
        }
        for (id, tracked) in jobs where tracked.releasedAtMS != nil && tracked.finishedAtMS == nil && inQueue[id] == nil {
            jobs[id]?.finishedAtMS = plantMS
            log("finished \(id) by \(Self.iso(plantMS))\(plantMS > tracked.plan.deadlineMS ? ", after its deadline" : "")")
        }
    }

    /// Whether every job seen has been released and has left the queue.
    var isIdle: Bool { !jobs.isEmpty && jobs.values.allSatisfy { $0.finishedAtMS != nil } }

    /// Whether every finished job finished by its deadline (on the plant clock, to the agent's pass).
    var deadlinesMet: Bool { jobs.values.allSatisfy { ($0.finishedAtMS ?? 0) <= $0.plan.deadlineMS } }

    /// The closing line.
    var summary: String {
        let released = jobs.values.filter { $0.releasedAtMS != nil }.count
        let verdict = deadlinesMet && startedEarly == 0 ? "deadlines met"
            : "\(jobs.values.filter { ($0.finishedAtMS ?? 0) > $0.plan.deadlineMS }.count) deadlines missed, \(startedEarly) started early"
        return "slurm flex: \(jobs.count) held, \(released) released, \(verdict)"
    }

    /// The EMS request for `job` from its comment.
    static func request(_ job: SlurmQueue.Job) throws -> [String: Any] {
        let fields = job.fields
        guard let gpus = fields["gpus"].flatMap({ Int($0) }), let hours = fields["hours"].flatMap({ Double($0) }),
              let deadline = fields["deadline"] else {
            throw HelioError(.usage, "job \(job.id): its comment must give gpus=N;hours=H;deadline=ISO 8601 (found '\(job.comment)')")
        }
        var body: [String: Any] = ["id": job.id, "gpus": gpus, "hours": hours, "deadline": deadline, "class": fields["class"] ?? "batch"]
        if let cap = fields["cap"].flatMap({ Double($0) }) { body["min_power_cap"] = cap }
        return body
    }

    private static func iso(_ ms: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data(("slurm-agent: " + line + "\n").utf8))
    }
}
