/// A placed job as the API answers it: the plan and, at the plant clock's present, whether the
/// scheduler should hold it (`held`), let it run (`released`), or it is past its planned end (`done`).
struct JobStatus: Encodable, Sendable {
    var job: FlexibleJob
    var state: String
    var plannedEndMS: Int64
    /// The plant clock when answered, Unix ms (what `state` is judged at).
    var nowMS: Int64

    enum CodingKeys: String, CodingKey {
        case state
        case plannedEndMS = "planned_end_ms", nowMS = "now_ms"
    }

    init(_ job: FlexibleJob, nowMS: Int64) {
        self.job = job
        state = job.state(atMS: nowMS)
        plannedEndMS = job.plannedEndMS
        self.nowMS = nowMS
    }

    /// The job's stored fields, then `state`, `planned_end_ms` and `now_ms` in the same object.
    func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encode(plannedEndMS, forKey: .plannedEndMS)
        try c.encode(nowMS, forKey: .nowMS)
    }
}
