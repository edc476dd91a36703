/// A placed job as the API answers it: the plan and, at the plant clock's present, whether the
/// scheduler should hold it (`held`), let it run (`released`), keep it suspended for a curtailment
/// (`suspended`), or it is past its planned end (`done`), with what to do now (``JobDirective``).
struct JobStatus: Encodable, Sendable {
    var job: FlexibleJob
    var state: String
    /// The planned end moved on by the directive's delay, Unix ms.
    var plannedEndMS: Int64
    var directive: JobDirective
    /// The plant clock when answered, Unix ms (what `state` is judged at).
    var nowMS: Int64

    enum CodingKeys: String, CodingKey {
        case state, directive
        case plannedEndMS = "planned_end_ms", nowMS = "now_ms"
    }

    init(_ job: FlexibleJob, nowMS: Int64, directive: JobDirective? = nil) {
        let directive = directive ?? .planned(job.cap)
        self.job = job
        self.directive = directive
        plannedEndMS = job.plannedEndMS + directive.delayMS
        self.nowMS = nowMS
        let pauseStartMS = (directive.untilMS ?? .max) - directive.delayMS
        switch directive.action {
        case .suspend: state = job.plannedStartMS >= pauseStartMS || nowMS < job.plannedStartMS ? "held" : "suspended"
        case .run, .cap: state = nowMS < job.plannedStartMS ? "held" : nowMS < plannedEndMS ? "released" : "done"
        }
    }

    /// The job's stored fields, then `state`, `planned_end_ms`, `directive` and `now_ms` in the same object.
    func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encode(plannedEndMS, forKey: .plannedEndMS)
        try c.encode(directive, forKey: .directive)
        try c.encode(nowMS, forKey: .nowMS)
    }
}
