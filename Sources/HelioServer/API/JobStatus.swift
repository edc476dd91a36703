/// A placed job as the API answers it: the plan and, at the plant clock's present, whether the
/// scheduler should hold it (`held`), let it run (`released`), or it is past its planned end (`done`).
struct JobStatus: Encodable, Sendable {
    var job: FlexibleJob
    var state: String
    var plannedEndMS: Int64
    /// The plant clock when answered, Unix ms (what `state` is judged at).
    var nowMS: Int64

    enum CodingKeys: String, CodingKey {
        case id, gpus, hours, cap, reason, state
        case jobClass = "class", submittedMS = "submitted_ms", deadlineMS = "deadline_ms", minPowerCap = "min_power_cap"
        case plannedStartMS = "planned_start_ms", plannedEndMS = "planned_end_ms", itKW = "it_kw", nowMS = "now_ms"
    }

    init(_ job: FlexibleJob, nowMS: Int64) {
        self.job = job
        state = job.state(atMS: nowMS)
        plannedEndMS = job.plannedEndMS
        self.nowMS = nowMS
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(job.id, forKey: .id)
        try c.encode(job.gpus, forKey: .gpus)
        try c.encode(job.hours, forKey: .hours)
        try c.encode(job.cap, forKey: .cap)
        try c.encode(job.reason, forKey: .reason)
        try c.encode(state, forKey: .state)
        try c.encode(job.jobClass, forKey: .jobClass)
        try c.encode(job.submittedMS, forKey: .submittedMS)
        try c.encode(job.deadlineMS, forKey: .deadlineMS)
        try c.encode(job.minPowerCap, forKey: .minPowerCap)
        try c.encode(job.plannedStartMS, forKey: .plannedStartMS)
        try c.encode(plannedEndMS, forKey: .plannedEndMS)
        try c.encode(job.itKW, forKey: .itKW)
        try c.encode(nowMS, forKey: .nowMS)
    }
}
