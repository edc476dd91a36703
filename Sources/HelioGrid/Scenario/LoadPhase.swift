/// One entry of `[[load.phases]]`: the GPU fleet in force from project year ``year`` on, until the
/// next phase. `[load]` is the campus of year 1; each phase starts from the one before it and
/// changes what it names, so a phase can add GPUs of the same generation (`gpus` alone) or
/// refresh the whole fleet to a new one (`generation`, or the node's power).
public struct LoadPhase: Sendable, Equatable {
    /// Project year the phase takes effect, from 2.
    public var year: Int
    /// The campus's load in this phase: `[load]` with every change up to this phase applied.
    public var load: LoadConfig
    /// The generation's name for outputs (`generation`, or the previous phase's; `nil` when none names one).
    public var generation: String?

    /// Creates a phase; see the properties.
    public init(year: Int, load: LoadConfig, generation: String? = nil) {
        self.year = year
        self.load = load
        self.generation = generation
    }

    /// Reads one `[[load.phases]]` entry on top of `previous`, the load of the phase before.
    ///
    /// Node power comes from `generation` (``GPUGeneration``), from `gpu_tdp_kw` (nameplate =
    /// GPUs per node × TDP × ``GPUGeneration/ratedPerGPUTDP``, idle and maximum at the DGX H100's
    /// measured shares), or from `node_idle_kw`, `node_max_kw` and `node_rated_kw`, each of which
    /// overrides what the others gave.
    init(_ section: inout ScenarioSection, previous: LoadConfig, previousYear: Int, previousGeneration: String?, projectYears: Int) throws {
        year = try section.int("year", in: 2...max(2, projectYears))
        guard year > previousYear else {
            throw section.error("year", "phases must follow each other in time: year \(year) comes after year \(previousYear)")
        }
        var load = previous
        load.phases = []
        generation = previousGeneration
        if section.contains("generation") {
            let name = try section.choice("generation", default: "", in: GPUGeneration.allCases.map(\.rawValue))
            let preset = GPUGeneration(rawValue: name)!
            generation = name
            (load.gpusPerNode, load.nodeIdleKW, load.nodeMaxKW, load.nodeRatedKW) =
                (preset.gpusPerNode, preset.nodeIdleKW, preset.nodeMaxKW, preset.nodeRatedKW)
        }
        load.gpusPerNode = try section.int("gpus_per_node", default: load.gpusPerNode, in: 1...1024)
        if section.contains("gpu_tdp_kw") {
            let tdpKW = try section.positive("gpu_tdp_kw", max: 10)
            load.nodeRatedKW = Double(load.gpusPerNode) * tdpKW * GPUGeneration.ratedPerGPUTDP
            load.nodeMaxKW = load.nodeRatedKW * GPUGeneration.maxShareOfRated
            load.nodeIdleKW = load.nodeRatedKW * GPUGeneration.idleShareOfRated
        }
        load.gpus = try section.int("gpus", default: load.gpus, in: 1...10_000_000)
        guard load.gpus % load.gpusPerNode == 0 else {
            throw section.error("gpus", "\(load.gpus) GPUs do not fill whole nodes of \(load.gpusPerNode)")
        }
        load.nodeRatedKW = try section.positive("node_rated_kw", default: load.nodeRatedKW, max: 1000)
        load.nodeMaxKW = try section.positive("node_max_kw", default: load.nodeMaxKW, max: 1000)
        load.nodeIdleKW = try section.double("node_idle_kw", default: load.nodeIdleKW, in: 0...1000)
        guard load.nodeIdleKW <= load.nodeMaxKW else {
            throw section.error("node_idle_kw", "idle power \(load.nodeIdleKW) kW exceeds node_max_kw \(load.nodeMaxKW) kW")
        }
        guard load.nodeMaxKW <= load.nodeRatedKW else {
            throw section.error("node_max_kw", "measured maximum \(load.nodeMaxKW) kW exceeds the nameplate node_rated_kw \(load.nodeRatedKW) kW")
        }
        load.meanUtilization = try section.positive("mean_utilization", default: load.meanUtilization, max: 1)
        load.cooling.pueAtLow = try section.double("pue_at_low", default: load.cooling.pueAtLow, in: 1...5)
        load.cooling.pueAtHigh = try section.double("pue_at_high", default: load.cooling.pueAtHigh, in: 1...5)
        self.load = load
        try section.finish()
    }
}
