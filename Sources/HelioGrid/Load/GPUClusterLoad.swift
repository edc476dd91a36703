import Foundation

/// GPU-cluster IT power from a deterministic, seeded utilisation profile.
///
/// IT power = nodes · (P_idle + (P_max − P_idle) · u(t)) · (1 + fabric overhead); the
/// linear node-power-versus-utilisation form follows L. A. Barroso, U. Hölzle and P. Ranganathan,
/// "The Datacenter as a Computer", 3rd ed. (2018), §5.4. P_max is the measured maximum
/// (`node_max_kw`), not the nameplate (`node_rated_kw`), which only sizes installed capacity. Profiles:
/// - training: a flat running level with short checkpoint dips (``checkpointMinutes`` at
///   ``checkpointUtilisation``) every `checkpoint_every_hours`, as synchronous checkpointing stalls
///   GPUs (Mohan et al., "CheckFreq", FAST 2021);
/// - inference: a diurnal cycle peaking at ``inferencePeakHour`` local time, ±``inferenceSwing``
///   relative to the mean, weekends at ``weekendFactor`` of weekdays; the swing is compressed if
///   the mean leaves too little room below 1;
/// - mixed: the mean of the two.
/// Maintenance drains `maintenance_share` of the nodes at a time to idle, rolling through the fleet
/// in a weekly window from Tuesday 10:00 long enough to give every node `maintenance_hours_per_week`
/// (the whole week by default, so a constant share is down). Training jobs are interrupted at
/// random (a Poisson process of `interruptions_per_gpu_day` × GPUs, seeded from `load.seed`); each
/// interruption idles one job's `job_gpus` for `restart_minutes`. Every profile has AR(1) noise (σ = ``noiseSigma``, correlation time ``noiseCorrelationHours``) seeded from
/// `load.seed`, with its sample mean removed. The running level is solved so that the annual mean
/// utilisation equals `mean_utilization`.
public struct GPUClusterLoad: Sendable {
    /// The `[load]` section.
    public let config: LoadConfig

    /// Length of one checkpoint stall, minutes.
    public static let checkpointMinutes = 10.0
    /// GPU utilisation during a checkpoint stall, fraction.
    public static let checkpointUtilisation = 0.30
    /// Maintenance window start, minutes after Monday 00:00 (Tuesday 10:00; 2001-01-01 is a Monday).
    public static let maintenanceStartMinuteOfWeek = 1440.0 + 600
    /// Local hour of peak inference demand.
    public static let inferencePeakHour = 14.0
    /// Diurnal swing of inference utilisation, relative to the mean.
    public static let inferenceSwing = 0.25
    /// Weekend inference level relative to weekdays.
    public static let weekendFactor = 0.85
    /// Standard deviation of utilisation noise, fraction.
    public static let noiseSigma = 0.02
    /// Correlation time of the noise, hours.
    public static let noiseCorrelationHours = 3.0
    /// Mask that sets the interruption stream's seed apart from the noise's.
    private static let interruptionStream: UInt64 = 0xD1B5_4A32_D192_ED03

    /// Creates the model; the configuration must be `kind = "gpu-cluster"`.
    public init(config: LoadConfig) { self.config = config }

    /// Installed IT power (every node at its nameplate), kW.
    public var installedITKW: Double {
        Double(config.nodes) * config.nodeRatedKW * (1 + config.fabricOverhead)
    }

    /// Highest IT power the model draws (every node at its measured maximum), kW: the design IT load
    /// of the cooling plant.
    public var peakITKW: Double {
        Double(config.nodes) * config.nodeMaxKW * (1 + config.fabricOverhead)
    }

    /// IT power per step, kW; `planned` leaves out what no scheduler knows in advance (see
    /// ``utilisation(axis:planned:)``).
    public func itPowerKW(axis: TimeAxis, planned: Bool = false) throws -> [Double] {
        let nodes = Double(config.nodes), span = config.nodeMaxKW - config.nodeIdleKW
        let scale = 1 + config.fabricOverhead
        return try utilisation(axis: axis, planned: planned).map { nodes * (config.nodeIdleKW + span * $0) * scale }
    }

    /// Mean GPU utilisation over each step, fraction. `planned` gives the job schedule as the
    /// cluster's scheduler knows it in advance: the same running level, checkpoint dips, inference
    /// cycle and maintenance windows, without the random job interruptions and the noise.
    public func utilisation(axis: TimeAxis, planned: Bool = false) throws -> [Double] {
        let count = axis.stepsPerYear
        let step = Double(axis.stepMinutes)
        let maintenance = (0..<count).map { maintenanceFraction(start: Double($0) * step, step: step) }
        let interrupted = interruptionFraction(count: count, step: step)
        let trainingIdle = zip(maintenance, interrupted).map { min(1, $0 + $1) }
        let noise = noiseSeries(count: count, stepHours: axis.stepHours)
        let trainingShapeIdle = planned ? maintenance : trainingIdle
        var values: [Double]
        switch config.profile {
        case .training:
            values = try trainingLevel(idle: trainingIdle, shapeIdle: trainingShapeIdle, step: step)
        case .inference:
            values = try fittedToMean(inferenceShape(count: count, step: step), maintenance: maintenance)
        case .mixed:
            let training = try trainingLevel(idle: trainingIdle, shapeIdle: trainingShapeIdle, step: step)
            let inference = try fittedToMean(inferenceShape(count: count, step: step), maintenance: maintenance)
            values = zip(training, inference).map { ($0 + $1) / 2 }
        }
        guard !planned else { return values }
        for index in 0..<count {
            let running = 1 - (config.profile == .inference ? maintenance[index] : trainingIdle[index])
            values[index] = min(1, max(0, values[index] + noise[index] * running))
        }
        return values
    }

    /// Training: running level `u` with dips and idle nodes (maintenance and interruptions), `u`
    /// solved for the annual mean with `idle`; the profile is drawn with `shapeIdle` (the planned
    /// profile keeps the level and leaves out the interruptions).
    private func trainingLevel(idle maintenance: [Double], shapeIdle: [Double], step: Double) throws -> [Double] {
        let count = maintenance.count
        let dips = (0..<count).map { checkpointFraction(start: Double($0) * step, step: step) }
        var dipShare = 0.0, maintenanceShare = 0.0
        for index in 0..<count {
            dipShare += min(dips[index], 1 - maintenance[index])
            maintenanceShare += maintenance[index]
        }
        dipShare /= Double(count)
        maintenanceShare /= Double(count)
        let running = 1 - dipShare - maintenanceShare
        let level = (config.meanUtilization - dipShare * Self.checkpointUtilisation) / running
        guard level <= 1, running > 0 else {
            throw HelioError(.scenario,
                             "\(config.meanUtilization) cannot be reached: checkpoint dips and maintenance windows would need a running utilisation of \(level)",
                             key: "load.mean_utilization")
        }
        return (0..<count).map { index in
            let dip = min(dips[index], 1 - shapeIdle[index])
            return level * (1 - dip - shapeIdle[index]) + Self.checkpointUtilisation * dip
        }
    }

    /// Inference: diurnal (±``inferenceSwing`` relative) and weekly shape, before scaling.
    private func inferenceShape(count: Int, step: Double) -> [Double] {
        (0..<count).map { index in
            let middle = (Double(index) + 0.5) * step
            let hour = (middle / 60).truncatingRemainder(dividingBy: 24)
            let weekend = Int(middle / 1440) % 7 >= 5
            let diurnal = 1 + Self.inferenceSwing * cos(2 * .pi * (hour - Self.inferencePeakHour) / 24)
            return diurnal * (weekend ? Self.weekendFactor : 1)
        }
    }

    /// Utilisation following `shape` with the configured annual mean and zero in maintenance
    /// windows; the swing around the running mean is compressed, if needed, to stay within 0…1.
    private func fittedToMean(_ shape: [Double], maintenance: [Double]) throws -> [Double] {
        var runningWeight = 0.0, weightedShape = 0.0
        for index in shape.indices {
            runningWeight += 1 - maintenance[index]
            weightedShape += shape[index] * (1 - maintenance[index])
        }
        let runningMean = config.meanUtilization * Double(shape.count) / runningWeight
        guard runningMean <= 1 else {
            throw HelioError(.scenario,
                             "\(config.meanUtilization) cannot be reached: maintenance windows would need a running utilisation of \(runningMean)",
                             key: "load.mean_utilization")
        }
        let normalised = shape.map { $0 * runningWeight / weightedShape }
        let above = (normalised.max() ?? 1) - 1, below = 1 - (normalised.min() ?? 1)
        let swing = min(runningMean, above > 0 ? (1 - runningMean) / above : .infinity, below > 0 ? runningMean / below : .infinity)
        return shape.indices.map { (runningMean + swing * (normalised[$0] - 1)) * (1 - maintenance[$0]) }
    }

    /// Zero-mean AR(1) noise per step.
    private func noiseSeries(count: Int, stepHours: Double) -> [Double] {
        var generator = SplitMix64(seed: UInt64(config.seed))
        let phi = exp(-stepHours / Self.noiseCorrelationHours)
        let innovation = Self.noiseSigma * (1 - phi * phi).squareRoot()
        var series = [Double](repeating: 0, count: count)
        var value = 0.0
        for index in 0..<count {
            value = phi * value + innovation * generator.nextGaussian()
            series[index] = value
        }
        let mean = series.reduce(0, +) / Double(count)
        for index in 0..<count { series[index] -= mean }
        return series
    }

    /// Fraction of `[start, start + step)` (minutes of year) spent checkpointing.
    private func checkpointFraction(start: Double, step: Double) -> Double {
        guard config.checkpointEveryHours > 0 else { return 0 }
        return periodicOverlap(start: start, step: step, period: config.checkpointEveryHours * 60,
                               offset: config.checkpointEveryHours * 60 - Self.checkpointMinutes,
                               duration: Self.checkpointMinutes)
    }

    /// Share of nodes in maintenance over `[start, start + step)` (minutes of year): the maintenance
    /// share inside the weekly window that gives every node its hours.
    private func maintenanceFraction(start: Double, step: Double) -> Double {
        guard config.maintenanceHoursPerWeek > 0 else { return 0 }
        let share = config.resolvedMaintenanceShare
        let windowMinutes = min(7 * 1440, config.maintenanceHoursPerWeek * 60 / share)
        return share * periodicOverlap(start: start, step: step, period: 7 * 1440,
                                       offset: Self.maintenanceStartMinuteOfWeek, duration: windowMinutes)
    }

    /// Share of nodes idled by job interruptions per step: exponential gaps at the campus rate, each
    /// event idling one job (`job_gpus` of the GPUs) for `restart_minutes`; a stream of its own from the seed.
    private func interruptionFraction(count: Int, step: Double) -> [Double] {
        var idle = [Double](repeating: 0, count: count)
        let perMinute = config.interruptionsPerGPUDay * Double(config.gpus) / 1440
        guard perMinute > 0, config.restartMinutes > 0 else { return idle }
        let share = Double(config.resolvedJobGPUs) / Double(config.gpus)
        let yearMinutes = Double(count) * step
        var generator = SplitMix64(seed: UInt64(config.seed) ^ Self.interruptionStream)
        var minute = -log(1 - Double.random(in: 0..<1, using: &generator)) / perMinute
        while minute < yearMinutes {
            let end = min(yearMinutes, minute + config.restartMinutes)
            var index = Int(minute / step)
            while index < count, Double(index) * step < end {
                let overlap = min(end, Double(index + 1) * step) - max(minute, Double(index) * step)
                idle[index] = min(1, idle[index] + share * overlap / step)
                index += 1
            }
            minute += -log(1 - Double.random(in: 0..<1, using: &generator)) / perMinute
        }
        return idle
    }

    /// Overlap of `[start, start+step)` with windows `[offset + n·period, … + duration)`, as a fraction of `step`.
    private func periodicOverlap(start: Double, step: Double, period: Double, offset: Double, duration: Double) -> Double {
        let end = start + step
        var n = ((start - offset - duration) / period).rounded(.down)
        var overlap = 0.0
        while offset + n * period < end {
            let windowStart = offset + n * period
            overlap += max(0, min(end, windowStart + duration) - max(start, windowStart))
            n += 1
        }
        return overlap / step
    }
}
