/// The campus's GPU work over one year, split for flexible operation (docs/compute.md): idle power
/// and interactive work that never move, training that may be capped, and batch work that may be
/// deferred within its deadline; with the coefficients that turn IT power into facility power.
///
/// The split is of the aggregate load model's dynamic IT power (above idle, ``GPUClusterLoad``):
/// `deferrable_share` of it is batch work; the rest is training under the `training` profile,
/// interactive under `inference`, half each under `mixed`.
public struct ComputeProfile: Sendable {
    /// Idle nodes, fabric and interactive work per step, kW.
    public var fixedITKW: [Double]
    /// Interactive and training work per step at full power (GPU capacity they hold), kW.
    public var rigidWorkKW: [Double]
    /// Training work per step at full power, kW.
    public var trainingKW: [Double]
    /// Batch work arriving per step at full power, kW.
    public var batchArrivalKW: [Double]
    /// Facility kW per IT kW at the margin per step.
    public var facilityPerITKW: [Double]
    /// Facility power per step that does not follow IT power, kW.
    public var facilityFixedKW: [Double]
    /// Share of the rigid work that is training (1 training, 0 inference, 0.5 mixed).
    public let trainingShare: Double
    /// GPU capacity for work, kW at full power: the nodes not in maintenance, above idle.
    public let workCapacityKW: Double
    /// Power of one busy GPU above idle at full power, kW (work in kWh over it is GPU-hours).
    public let gpuKW: Double
    /// Batch deadline after arrival, steps.
    public let slackSteps: Int
    /// Lowest training cap, fraction of its power.
    public let capFloor: Double
    /// The run's curtailment events.
    public var curtailments = CurtailmentSchedule()
}

extension ComputeProfile {
    /// Power of one busy GPU above idle at full power, with its share of the fabric, kW.
    public static func gpuKW(_ config: LoadConfig) -> Double {
        (config.nodeMaxKW - config.nodeIdleKW) * (1 + config.fabricOverhead) / Double(config.gpusPerNode)
    }

    /// The profile of `load` (the aggregate GPU-cluster model) for `config` on `axis`, with the
    /// cooling model's coefficients at `ambientC` and the battery's auxiliaries.
    public init(load: CampusLoad, config: LoadConfig, ambientC: [Double], axis: TimeAxis, batteryAuxiliaryKW: Double) {
        let scale = 1 + config.fabricOverhead, nodes = Double(config.nodes)
        let idleKW = nodes * config.nodeIdleKW * scale
        let flex = config.flexibility
        let training: Double = switch config.profile { case .training: 1; case .inference: 0; case .mixed: 0.5 }
        let dynamic = load.itKW.map { max(0, $0 - idleKW) }
        let batch = dynamic.map { $0 * flex.deferrableShare }, rigid = dynamic.map { $0 * (1 - flex.deferrableShare) }
        let trainingKW = rigid.map { $0 * training }
        let cooling = CoolingModel(config: config.cooling), designKW = GPUClusterLoad(config: config).peakITKW
        let fixedShare = config.cooling.fixedShare
        self.init(
            fixedITKW: zip(load.itKW, zip(batch, trainingKW)).map { $0 - $1.0 - $1.1 }, rigidWorkKW: rigid, trainingKW: trainingKW,
            batchArrivalKW: batch, facilityPerITKW: ambientC.map { 1 + (cooling.pue(ambientC: $0) - 1) * (1 - fixedShare) },
            facilityFixedKW: ambientC.map { (cooling.pue(ambientC: $0) - 1) * fixedShare * designKW + batteryAuxiliaryKW },
            trainingShare: training, workCapacityKW: nodes * (config.nodeMaxKW - config.nodeIdleKW) * scale * (1 - config.resolvedMaintenanceShare),
            gpuKW: Self.gpuKW(config), slackSteps: Int((flex.maxDeferralHours * 60 / Double(axis.stepMinutes)).rounded(.down)),
            capFloor: flex.powerCapFloor)
    }
}
