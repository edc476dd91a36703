/// The campus's GPU work over one year, split for flexible operation (docs/compute.md): idle power
/// and interactive work that never move, training that may be capped, and batch work that may wait
/// until its deadline; with the coefficients that turn IT power into facility power.
///
/// From the aggregate load model (``GPUClusterLoad``), `deferrable_share` of the dynamic IT power
/// (above idle) is batch work due `max_deferral_hours` after it arrives, capped no lower than
/// `power_cap_floor`; the rest is training under the `training` profile, interactive under
/// `inference`, half each under `mixed`. From jobs (``JobSchedule``), each job's class, deadline and
/// lowest cap say it.
public struct ComputeProfile: Sendable {
    /// Idle nodes, fabric and interactive work per step, kW.
    public var fixedITKW: [Double]
    /// Interactive and training work per step at full power (GPU capacity they hold), kW.
    public var rigidWorkKW: [Double]
    /// Training work per step at full power, kW.
    public var trainingKW: [Double]
    /// The lowest power training may be capped to per step, kW.
    public var trainingFloorKW: [Double]
    /// Batch work arriving per step at full power, kW (the sum of the step's pieces).
    public var batchArrivalKW: [Double]
    /// Where each step's batch pieces start in ``batchPieceKW`` and ``batchPieceSlackSteps`` (one
    /// more entry than steps).
    public var batchPieceStart: [Int]
    /// Batch work of each piece, kW at full power.
    public var batchPieceKW: [Double]
    /// Steps each piece may wait after its step.
    public var batchPieceSlackSteps: [Int]
    /// Facility kW per IT kW at the margin per step.
    public var facilityPerITKW: [Double]
    /// Facility power per step that does not follow IT power, kW.
    public var facilityFixedKW: [Double]
    /// GPU capacity for work, kW at full power: the nodes not in maintenance, above idle.
    public let workCapacityKW: Double
    /// Power of one busy GPU above idle at full power, kW (work in kWh over it is GPU-hours).
    public let gpuKW: Double
    /// The longest wait of any batch piece, steps.
    public let maxSlackSteps: Int
    /// The lowest cap any training work accepts, fraction.
    public let lowestCapFloor: Double
    /// The run's curtailment events.
    public var curtailments = CurtailmentSchedule()
    /// Jobs whose rigid run already ends after their deadline.
    public var lateJobIDs: [String] = []
}

extension ComputeProfile {
    /// Power of one busy GPU above idle at full power, with its share of the fabric, kW: at 100 %
    /// utilisation for the aggregate model, at `[load.jobs] gpu_utilization` for jobs. Work in kWh
    /// over it is GPU-hours.
    public static func gpuKW(_ config: LoadConfig) -> Double {
        let full = (config.nodeMaxKW - config.nodeIdleKW) * (1 + config.fabricOverhead) / Double(config.gpusPerNode)
        return config.kind == .jobs ? full * config.jobs.gpuUtilization : full
    }

    /// The profile of `load` (the aggregate GPU-cluster model) for `config` on `axis`, with the
    /// cooling model's coefficients at `ambientC` and the battery's auxiliaries.
    public init(load: CampusLoad, config: LoadConfig, ambientC: [Double], axis: TimeAxis, batteryAuxiliaryKW: Double) {
        let idleKW = Double(config.nodes) * config.nodeIdleKW * (1 + config.fabricOverhead)
        let flex = config.flexibility
        let training: Double = switch config.profile { case .training: 1; case .inference: 0; case .mixed: 0.5 }
        let dynamic = load.itKW.map { max(0, $0 - idleKW) }
        let batch = dynamic.map { $0 * flex.deferrableShare }, rigid = dynamic.map { $0 * (1 - flex.deferrableShare) }
        let trainingKW = rigid.map { $0 * training }
        let slack = Int((flex.maxDeferralHours * 60 / Double(axis.stepMinutes)).rounded(.down))
        let (perIT, fixed) = Self.facility(config: config, ambientC: ambientC, batteryAuxiliaryKW: batteryAuxiliaryKW)
        self.init(
            fixedITKW: zip(load.itKW, zip(batch, trainingKW)).map { $0 - $1.0 - $1.1 }, rigidWorkKW: rigid, trainingKW: trainingKW,
            trainingFloorKW: trainingKW.map { $0 * flex.powerCapFloor }, batchArrivalKW: batch, batchPieceStart: Array(0...batch.count),
            batchPieceKW: batch, batchPieceSlackSteps: [Int](repeating: slack, count: batch.count), facilityPerITKW: perIT,
            facilityFixedKW: fixed, workCapacityKW: Self.workCapacityKW(config), gpuKW: Self.gpuKW(config), maxSlackSteps: slack,
            lowestCapFloor: flex.powerCapFloor)
    }

    /// The profile of the jobs of `schedule` (busy GPUs at `[load.jobs] gpu_utilization`) for
    /// `config` on `axis`, with the cooling model's coefficients at `ambientC` and the battery's auxiliaries.
    public init(schedule: JobSchedule, config: LoadConfig, ambientC: [Double], axis: TimeAxis, batteryAuxiliaryKW: Double) {
        let busyKW = Self.gpuKW(config)
        let idleKW = Double(config.nodes) * config.nodeIdleKW * (1 + config.fabricOverhead)
        let steps = axis.stepsPerYear
        var start = [Int](repeating: 0, count: steps + 1), arrival = [Double](repeating: 0, count: steps)
        for piece in schedule.batchPieces {
            start[piece.step + 1] += 1
            arrival[piece.step] += piece.gpus * busyKW
        }
        for step in 0..<steps { start[step + 1] += start[step] }
        let trainingKW = schedule.trainingGPUs.map { $0 * busyKW }
        let (perIT, fixed) = Self.facility(config: config, ambientC: ambientC, batteryAuxiliaryKW: batteryAuxiliaryKW)
        let floors = schedule.trainingFloorGPUs.map { $0 * busyKW }
        self.init(
            fixedITKW: schedule.interactiveGPUs.map { idleKW + $0 * busyKW },
            rigidWorkKW: zip(schedule.interactiveGPUs, schedule.trainingGPUs).map { ($0 + $1) * busyKW },
            trainingKW: trainingKW, trainingFloorKW: floors, batchArrivalKW: arrival, batchPieceStart: start,
            batchPieceKW: schedule.batchPieces.map { $0.gpus * busyKW }, batchPieceSlackSteps: schedule.batchPieces.map(\.slackSteps),
            facilityPerITKW: perIT, facilityFixedKW: fixed, workCapacityKW: Double(config.gpus) * busyKW,
            gpuKW: busyKW, maxSlackSteps: schedule.batchPieces.map(\.slackSteps).max() ?? 0,
            lowestCapFloor: zip(floors, trainingKW).filter { $1 > 0 }.map { $0 / $1 }.min() ?? 1, lateJobIDs: schedule.lateJobIDs)
    }

    /// GPU capacity for work: every node not in maintenance at full power above idle, kW.
    private static func workCapacityKW(_ config: LoadConfig) -> Double {
        Double(config.nodes) * (config.nodeMaxKW - config.nodeIdleKW) * (1 + config.fabricOverhead) * (1 - config.resolvedMaintenanceShare)
    }

    /// Facility kW per IT kW at the margin, and the facility power that does not follow IT, per step
    /// (``CoolingModel``: IT + (PUE − 1)(f · design IT + (1 − f) · IT), plus battery auxiliaries).
    private static func facility(config: LoadConfig, ambientC: [Double], batteryAuxiliaryKW: Double) -> ([Double], [Double]) {
        let cooling = CoolingModel(config: config.cooling), designKW = GPUClusterLoad(config: config).peakITKW
        let fixedShare = config.cooling.fixedShare
        return (ambientC.map { 1 + (cooling.pue(ambientC: $0) - 1) * (1 - fixedShare) },
                ambientC.map { (cooling.pue(ambientC: $0) - 1) * fixedShare * designKW + batteryAuxiliaryKW })
    }
}
