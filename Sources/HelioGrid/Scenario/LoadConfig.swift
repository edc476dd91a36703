/// `[load]`: the campus demand, from the GPU-cluster model or a CSV.
public struct LoadConfig: Sendable, Equatable {
    /// Where the load comes from.
    public enum Kind: String, Sendable { case gpuCluster = "gpu-cluster", csv }
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
    /// Whole-node power at 100 % GPU utilisation, kW.
    public var nodeMaxKW: Double = 10.2
    /// Network and storage power, fraction of node power.
    public var fabricOverhead: Double = 0.05
    /// Utilisation pattern.
    public var profile: Profile = .training
    /// Annual mean GPU utilisation, fraction.
    public var meanUtilization: Double = 0.85
    /// Training checkpoint interval, hours (0 for none).
    public var checkpointEveryHours: Double = 6
    /// Weekly maintenance window, hours (nodes drained to idle).
    public var maintenanceHoursPerWeek: Double = 2
    /// Seed of the utilisation noise; the same seed gives the same series.
    public var seed: Int = 1
    /// Absolute path of the load CSV when `kind == .csv`.
    public var csvPath: String?
    /// `[load.cooling]`.
    public var cooling = CoolingConfig()
    /// `[load.flexibility]`.
    public var flexibility = FlexibilityConfig()

    /// Number of GPU nodes.
    public var nodes: Int { gpus / gpusPerNode }

    /// Creates a load with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection, baseDirectory: String) throws {
        let defaults = LoadConfig()
        let kindName = try section.choice("kind", default: defaults.kind.rawValue, in: ["gpu-cluster", "csv"])
        kind = Kind(rawValue: kindName)!
        gpus = try section.int("gpus", default: defaults.gpus, in: 1...10_000_000)
        gpusPerNode = try section.int("gpus_per_node", default: defaults.gpusPerNode, in: 1...1024)
        guard gpus % gpusPerNode == 0 else {
            throw section.error("gpus", "\(gpus) GPUs do not fill whole nodes of \(gpusPerNode)")
        }
        nodeIdleKW = try section.double("node_idle_kw", default: defaults.nodeIdleKW, in: 0...1000)
        nodeMaxKW = try section.positive("node_max_kw", default: defaults.nodeMaxKW, max: 1000)
        guard nodeIdleKW <= nodeMaxKW else {
            throw section.error("node_idle_kw", "idle power \(nodeIdleKW) kW exceeds node_max_kw \(nodeMaxKW) kW")
        }
        fabricOverhead = try section.double("fabric_overhead", default: defaults.fabricOverhead, in: 0...1)
        let profileName = try section.choice("profile", default: defaults.profile.rawValue, in: Profile.allCases.map(\.rawValue))
        profile = Profile(rawValue: profileName)!
        meanUtilization = try section.positive("mean_utilization", default: defaults.meanUtilization, max: 1)
        checkpointEveryHours = try section.double("checkpoint_every_hours", default: defaults.checkpointEveryHours, in: 0...8760)
        maintenanceHoursPerWeek = try section.double("maintenance_hours_per_week", default: defaults.maintenanceHoursPerWeek, in: 0...84)
        seed = try section.int("seed", default: defaults.seed, in: 0...Int.max)
        csvPath = try section.optionalString("csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        if kind == .csv && csvPath == nil { throw section.error("csv", "required when kind = \"csv\"") }
        if kind == .gpuCluster && csvPath != nil { throw section.error("csv", "only used with kind = \"csv\"") }
        var coolingSection = try section.section("cooling")
        cooling = try CoolingConfig(&coolingSection)
        var flexibilitySection = try section.section("flexibility")
        flexibility = try FlexibilityConfig(&flexibilitySection)
        try section.finish()
    }
}
