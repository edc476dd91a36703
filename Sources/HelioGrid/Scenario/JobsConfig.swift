/// `[load.jobs]` (with `[load] kind = "jobs"`): the campus's GPU work as jobs, from a trace or a
/// generated mix (docs/compute.md).
public struct JobsConfig: Sendable, Equatable {
    /// Absolute path of the job trace CSV; `nil` generates the mix.
    public var tracePath: String?
    /// Mean utilisation of a busy GPU, fraction: its power above idle scales with it.
    public var gpuUtilization: Double = 0.92
    /// The generated mix per class.
    public var mix: [JobClass: JobClassMix] = Dictionary(uniqueKeysWithValues: JobClass.allCases.map { ($0, JobClassMix.defaults($0)) })

    /// The defaults: a generated mix.
    public init() {}

    init(_ section: inout ScenarioSection, gpus: Int, baseDirectory: String) throws {
        tracePath = try section.optionalString("trace").map { SiteConfig.resolve($0, against: baseDirectory) }
        gpuUtilization = try section.positive("gpu_utilization", default: JobsConfig().gpuUtilization, max: 1)
        for jobClass in JobClass.allCases {
            guard section.contains(jobClass.rawValue) else {
                mix[jobClass] = JobClassMix.defaults(jobClass)
                continue
            }
            if tracePath != nil { throw section.error(jobClass.rawValue, "a generated mix is not used with a trace") }
            var classSection = try section.section(jobClass.rawValue)
            mix[jobClass] = try JobClassMix(&classSection, jobClass: jobClass, gpus: gpus)
        }
        let total = mix.values.reduce(0) { $0 + $1.share }
        if tracePath == nil && total > 1 {
            throw section.error("batch", "the classes' shares add up to \(total); at most 1 (the whole cluster)")
        }
        try section.finish()
    }
}
