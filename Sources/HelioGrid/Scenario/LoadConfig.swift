/// `[load]`: the campus demand, from the GPU-cluster model or a CSV.
public struct LoadConfig: Sendable, Equatable {
    /// Where the load comes from.
    public enum Kind: String, Sendable { case gpuCluster = "gpu-cluster", csv, jobs }
    /// Utilisation pattern of the GPU fleet.
    public enum Profile: String, Sendable, CaseIterable { case training, inference, mixed }

    /// GPU-cluster model or CSV.
    public var kind: Kind = .gpuCluster
    /// Number of GPUs.
    public var gpus: Int = 10_000
    /// GPUs per node.
    public var gpusPerNode: Int = 8
    /// Whole-node power at idle, kW.
    public var nodeIdleKW: Double = 2.0
    /// Whole-node power at 100 % GPU utilisation as measured, kW: 8.4 kW, the highest draw of an
    /// 8×H100 node in training (I. Latif et al., "Empirical Measurements of AI Training Power Demand
    /// on a GPU-Accelerated Node", IEEE Access 13, 2025; arXiv 2412.08602).
    public var nodeMaxKW: Double = 8.4
    /// Whole-node nameplate power, kW: the installed IT capacity and KPIs count it (NVIDIA DGX H100
    /// datasheet: 10.2 kW maximum system power).
    public var nodeRatedKW: Double = 10.2
    /// Network and storage power, fraction of node power.
    public var fabricOverhead: Double = 0.05
    /// Utilisation pattern.
    public var profile: Profile = .training
    /// Annual mean GPU utilisation, fraction.
    public var meanUtilization: Double = 0.85
    /// Training checkpoint interval, hours (0 for none).
    public var checkpointEveryHours: Double = 6
    /// Maintenance per node per week, hours (drained to idle).
    public var maintenanceHoursPerWeek: Double = 2
    /// Share of nodes in maintenance at a time; `nil` spreads maintenance over the whole week
    /// (`maintenance_hours_per_week` / 168), a rolling drain of a few nodes at a time.
    public var maintenanceShare: Double?
    /// Unexpected training-job interruptions per GPU per day: 419 in 54 days on 16,384 H100 GPUs
    /// (A. Grattafiori et al., "The Llama 3 Herd of Models", arXiv 2407.21783, 2024, §3.3.4), 4.74e-4.
    public var interruptionsPerGPUDay: Double = 0.000474
    /// Minutes an interrupted job's GPUs sit idle before it runs again from its last checkpoint:
    /// Llama 3 kept above 90 % effective training time through 466 interruptions in 54 days, at most
    /// 0.1 × 54 d / 466 ≈ 17 minutes lost per interruption (restart and recomputation together).
    public var restartMinutes: Double = 15
    /// GPUs in one synchronous training job (an interruption idles them all); `nil`: one job on every GPU.
    public var jobGPUs: Int?
    /// Seed of the utilisation noise; the same seed gives the same series.
    public var seed: Int = 1
    /// Absolute path of the load CSV when `kind == .csv`.
    public var csvPath: String?
    /// `[load.cooling]`.
    public var cooling = CoolingConfig()
    /// `[load.flexibility]`.
    public var flexibility = FlexibilityConfig()
    /// `[[load.events]]`: curtailment requests (flexible operation only).
    public var events: [CurtailmentEvent] = []
    /// `[load.jobs]` (`kind = "jobs"`).
    public var jobs = JobsConfig()
    /// `[[load.phases]]`: the fleet from later project years on (empty: this load for the whole life).
    public var phases: [LoadPhase] = []
    /// Fleets running beside this one, each a GPU-cluster fleet of its own (an `add` phase's; empty otherwise).
    public var cohorts: [LoadConfig] = []

    /// The load in force in project year `year` (from 1): the last phase begun by then, or this one.
    public func inForce(year: Int) -> LoadConfig {
        phases.last(where: { $0.year <= year })?.load ?? self
    }

    /// The GPU generation named in force in project year `year` (from 1), if any.
    public func generation(year: Int) -> String? {
        phases.last(where: { $0.year <= year })?.generation
    }

    /// Number of GPU nodes.
    public var nodes: Int { gpus / gpusPerNode }

    /// Share of nodes in maintenance at a time (the rolling default when not set).
    public var resolvedMaintenanceShare: Double { maintenanceShare ?? maintenanceHoursPerWeek / 168 }

    /// GPUs in one training job.
    public var resolvedJobGPUs: Int { jobGPUs ?? gpus }

    /// Creates a load with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection, baseDirectory: String) throws {
        let defaults = LoadConfig()
        let kindName = try section.choice("kind", default: defaults.kind.rawValue, in: ["gpu-cluster", "csv", "jobs"])
        kind = Kind(rawValue: kindName)!
        gpus = try section.int("gpus", default: defaults.gpus, in: 1...10_000_000)
        gpusPerNode = try section.int("gpus_per_node", default: defaults.gpusPerNode, in: 1...1024)
        guard gpus % gpusPerNode == 0 else {
            throw section.error("gpus", "\(gpus) GPUs do not fill whole nodes of \(gpusPerNode)")
        }
        nodeIdleKW = try section.double("node_idle_kw", default: defaults.nodeIdleKW, in: 0...1000)
        nodeMaxKW = try section.positive("node_max_kw", default: defaults.nodeMaxKW, max: 1000)
        nodeRatedKW = try section.positive("node_rated_kw", default: max(defaults.nodeRatedKW, nodeMaxKW), max: 1000)
        guard nodeIdleKW <= nodeMaxKW else {
            throw section.error("node_idle_kw", "idle power \(nodeIdleKW) kW exceeds node_max_kw \(nodeMaxKW) kW")
        }
        guard nodeMaxKW <= nodeRatedKW else {
            throw section.error("node_max_kw", "measured maximum \(nodeMaxKW) kW exceeds the nameplate node_rated_kw \(nodeRatedKW) kW")
        }
        fabricOverhead = try section.double("fabric_overhead", default: defaults.fabricOverhead, in: 0...1)
        let profileName = try section.choice("profile", default: defaults.profile.rawValue, in: Profile.allCases.map(\.rawValue))
        profile = Profile(rawValue: profileName)!
        meanUtilization = try section.positive("mean_utilization", default: defaults.meanUtilization, max: 1)
        checkpointEveryHours = try section.double("checkpoint_every_hours", default: defaults.checkpointEveryHours, in: 0...8760)
        maintenanceHoursPerWeek = try section.double("maintenance_hours_per_week", default: defaults.maintenanceHoursPerWeek, in: 0...84)
        if section.contains("maintenance_share") {
            let share = try section.positive("maintenance_share", max: 1)
            guard share * 168 >= maintenanceHoursPerWeek else {
                throw section.error("maintenance_share",
                                    "\(share) of the nodes at a time cannot give every node \(maintenanceHoursPerWeek) h a week (needs at least \(maintenanceHoursPerWeek / 168))")
            }
            maintenanceShare = share
        }
        interruptionsPerGPUDay = try section.double("interruptions_per_gpu_day", default: defaults.interruptionsPerGPUDay, in: 0...1)
        restartMinutes = try section.double("restart_minutes", default: defaults.restartMinutes, in: 0...1440)
        if section.contains("job_gpus") {
            let job = try section.int("job_gpus", in: 1...gpus)
            jobGPUs = job
        }
        seed = try section.int("seed", default: defaults.seed, in: 0...Int.max)
        csvPath = try section.optionalString("csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        if kind == .csv && csvPath == nil { throw section.error("csv", "required when kind = \"csv\"") }
        if kind == .gpuCluster && csvPath != nil { throw section.error("csv", "only used with kind = \"csv\"") }
        if kind == .jobs {
            for key in ["profile", "mean_utilization", "checkpoint_every_hours", "maintenance_hours_per_week", "maintenance_share",
                        "interruptions_per_gpu_day", "restart_minutes", "job_gpus"] where section.contains(key) {
                throw section.error(key, "the aggregate model's; with kind = \"jobs\" the jobs make the load")
            }
        }
        var coolingSection = try section.section("cooling")
        cooling = try CoolingConfig(&coolingSection)
        var flexibilitySection = try section.section("flexibility")
        if kind == .jobs {
            for key in ["deferrable_share", "max_deferral_hours", "power_cap_floor"] where flexibilitySection.contains(key) {
                throw flexibilitySection.error(key, "the aggregate model's; with kind = \"jobs\" each job's class, deadline and lowest cap say it")
            }
        }
        flexibility = try FlexibilityConfig(&flexibilitySection)
        var jobsSection = try section.section("jobs")
        if kind != .jobs && jobsSection.hasKeys { throw section.error("jobs", "only used with kind = \"jobs\"") }
        jobs = try JobsConfig(&jobsSection, gpus: gpus, baseDirectory: baseDirectory)
        events = try section.tableList("events").map { entry in
            var entry = entry
            return try CurtailmentEvent(&entry)
        }
        try readPhases(&section)
        try section.finish()
    }

    /// `[[load.phases]]`, each on top of the one before; the GPU-cluster model only.
    private mutating func readPhases(_ section: inout ScenarioSection) throws {
        let entries = try section.tableList("phases")
        guard !entries.isEmpty else { return }
        guard kind == .gpuCluster else {
            throw section.error("phases", "phases change the GPU-cluster model's fleet; kind = \"\(kind.rawValue)\" gives one load for the whole life")
        }
        var previous = self, year = 1, generations: [String?] = [nil]
        for var entry in entries {
            let phase = try LoadPhase(&entry, previous: previous, previousYear: year, previousGenerations: generations, projectYears: 100)
            phases.append(phase)
            (previous, year, generations) = (phase.load, phase.year, phase.fleetGenerations)
        }
    }
}
