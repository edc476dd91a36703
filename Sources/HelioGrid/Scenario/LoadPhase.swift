/// One entry of `[[load.phases]]`: the GPU fleet in force from project year ``year`` on, until the
/// next phase. `[load]` is the campus of year 1; each phase starts from the one before it and
/// changes what it names, so a phase can add GPUs of the same generation (`gpus` alone), refresh
/// the whole fleet to a new one (`generation`, or the node's power), or with `mode = "add"` set a
/// fleet of its own beside the ones in force (a new hall of a new generation; the cooling curve is
/// the campus's, shared); `fleet = N` changes that fleet alone (a refresh of one hall).
public struct LoadPhase: Sendable, Equatable {
    /// Project year the phase takes effect, from 2.
    public var year: Int
    /// The campus's load in this phase: `[load]` with every change up to this phase applied.
    public var load: LoadConfig
    /// The generation named for each fleet in force, fleet 1 (`[load]`'s) first (`nil`: none named).
    public var fleetGenerations: [String?]
    /// The generations in force for outputs: each fleet's joined by ` + ` (`fleet N` for one not
    /// named), `nil` when no phase names one.
    public var generation: String? {
        guard fleetGenerations.contains(where: { $0 != nil }) else { return nil }
        return fleetGenerations.enumerated().map { $1 ?? "fleet \($0 + 1)" }.joined(separator: " + ")
    }
    /// Whether the phase adds a fleet beside the ones in force (`mode = "add"`) rather than changing one or all.
    public var adds = false
    /// The fleet the phase set, from 1: the one it added, the one it changed (`fleet`), or 1 when it
    /// replaced them all.
    public var changedFleet = 1

    /// How a phase changes the fleet (`mode`).
    public enum Mode: String, Sendable, CaseIterable {
        /// The fleets in force (or the one `fleet` names) become the phase's: more GPUs of its
        /// generation, or a refresh.
        case replace
        /// The phase's GPUs join as a fleet of their own beside the ones in force (a new hall).
        case add
    }

    /// Creates a phase; see the properties.
    public init(year: Int, load: LoadConfig, fleetGenerations: [String?] = [nil]) {
        self.year = year
        self.load = load
        self.fleetGenerations = fleetGenerations
    }

    /// Reads one `[[load.phases]]` entry on top of `previous`, the load of the phase before.
    ///
    /// Node power comes from `generation` (``GPUGeneration``), from `gpu_tdp_kw` (nameplate =
    /// GPUs per node × TDP × ``GPUGeneration/ratedPerGPUTDP``, idle and maximum at the DGX H100's
    /// measured shares), or from `node_idle_kw`, `node_max_kw` and `node_rated_kw`, each of which
    /// overrides what the others gave.
    init(_ section: inout ScenarioSection, previous: LoadConfig, previousYear: Int, previousGenerations: [String?], projectYears: Int) throws {
        year = try section.int("year", in: 2...max(2, projectYears))
        guard year > previousYear else {
            throw section.error("year", "phases must follow each other in time: year \(year) comes after year \(previousYear)")
        }
        adds = try section.choice("mode", default: Mode.replace.rawValue, in: Mode.allCases.map(\.rawValue)) == Mode.add.rawValue
        if adds, !section.contains("gpus") { throw section.error("gpus", "required with mode = \"add\": the GPUs of the fleet added") }
        var primary = previous
        (primary.phases, primary.cohorts) = ([], [])
        let inForce = [primary] + previous.cohorts
        var target: Int?
        if section.contains("fleet") {
            guard !adds else { throw section.error("fleet", "names a fleet to change; mode = \"add\" makes a new one") }
            target = try section.int("fleet", in: 1...inForce.count)
        }
        var load = inForce[(target ?? 1) - 1]
        var label: String?
        if section.contains("generation") {
            let name = try section.choice("generation", default: "", in: GPUGeneration.allCases.map(\.rawValue))
            let preset = GPUGeneration(rawValue: name)!
            label = name
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
        var campus: LoadConfig
        var generations = previousGenerations
        if adds {
            campus = previous
            campus.cohorts.append(load)
            generations.append(label)
            changedFleet = campus.cohorts.count + 1
        } else if let target {
            campus = target == 1 ? load : previous
            if target == 1 { campus.cohorts = previous.cohorts } else { campus.cohorts[target - 2] = load }
            generations[target - 1] = label ?? generations[target - 1]
            changedFleet = target
        } else {
            campus = load
            generations = [label ?? generations[0]]
        }
        campus.phases = []
        fleetGenerations = generations
        campus.cooling.pueAtLow = try section.double("pue_at_low", default: campus.cooling.pueAtLow, in: 1...5)
        campus.cooling.pueAtHigh = try section.double("pue_at_high", default: campus.cooling.pueAtHigh, in: 1...5)
        self.load = campus
        try section.finish()
    }
}
