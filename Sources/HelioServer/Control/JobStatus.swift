/// A placed job as the API answers it: the plan and, at the plant clock's present, whether the
/// scheduler should hold it (`held`), let it run (`released`), keep it suspended for a curtailment
/// (`suspended`), or it is past its planned end (`done`), with what to do now (``JobDirective``).
/// The service encodes it and the Slurm agent decodes it: one wire type for both.
public struct JobStatus: Codable, Sendable, Equatable {
    /// The stored plan.
    public var job: FlexibleJob
    /// Where the job stands now.
    public var state: JobState
    /// The planned end moved on by the directive's delay, Unix ms.
    public var plannedEndMS: Int64
    /// What the job must do now.
    public var directive: JobDirective
    /// The plant clock when answered, Unix ms (what `state` is judged at).
    public var nowMS: Int64

    enum CodingKeys: String, CodingKey {
        case state, directive
        case plannedEndMS = "planned_end_ms", nowMS = "now_ms"
    }

    /// `job`'s status at `nowMS` under `directive` (its planned cap when none).
    public init(_ job: FlexibleJob, nowMS: Int64, directive: JobDirective? = nil) {
        let directive = directive ?? .planned(job.cap)
        self.job = job
        self.directive = directive
        plannedEndMS = job.plannedEndMS + directive.delayMS
        self.nowMS = nowMS
        let pauseStartMS = (directive.untilMS ?? .max) - directive.delayMS
        switch directive.action {
        case .suspend: state = job.plannedStartMS >= pauseStartMS || nowMS < job.plannedStartMS ? .held : .suspended
        case .run, .cap: state = nowMS < job.plannedStartMS ? .held : nowMS < plannedEndMS ? .released : .done
        }
    }

    /// Decodes the object ``encode(to:)`` writes.
    public init(from decoder: any Decoder) throws {
        job = try FlexibleJob(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        state = try c.decode(JobState.self, forKey: .state)
        plannedEndMS = try c.decode(Int64.self, forKey: .plannedEndMS)
        directive = try c.decode(JobDirective.self, forKey: .directive)
        nowMS = try c.decode(Int64.self, forKey: .nowMS)
    }

    /// The job's stored fields, then `state`, `planned_end_ms`, `directive` and `now_ms` in the same object.
    public func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encode(plannedEndMS, forKey: .plannedEndMS)
        try c.encode(directive, forKey: .directive)
        try c.encode(nowMS, forKey: .nowMS)
    }
}
