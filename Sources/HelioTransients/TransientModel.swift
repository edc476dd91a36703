import Foundation
import HelioGrid

/// The islanded bus of one operating point below one second (docs/transients.md): the training
/// waveform and the PV cloud over the window, the battery inverter, and the gensets' governor and
/// rotors (``GensetDynamics``), with the EMS starting a unit when the running ones' loading, measured
/// over a second, passes `start_at_loading`; the unit joins `[diesel] start_seconds` later. ``run(_:)``
/// steps it under a ``Mitigation``; every row balances, load = PV + battery + gensets.
public struct TransientModel: Sendable {
    /// The `[transients]` settings and the hour it starts from.
    public let config: TransientsConfig, point: OperatingPoint
    /// Samples and their step, s.
    public let count: Int, stepSeconds: Double
    /// The jobs' IT power and the PV power over the window, kW.
    public let waveform: TrainingWaveform, cloud: CloudRamp
    /// Rated power of the swinging nodes and the GPUs in them (that power over `[load] node_rated_kw`,
    /// times `gpus_per_node`).
    public let swingRatedKW: Double, swingGPUs: Double
    /// Facility overhead held at the hour's value, kW.
    public let overheadKW: Double
    /// The scenario's battery (`nil`: none) and gensets.
    public let battery: BatteryConfig?, diesel: DieselConfig
    /// Default genset ramp limit under the `ramp` policy, kW/s.
    public let gensetRampKWPerS: Double
    /// Time constant of the EMS's measurement of genset loading, s: a start follows sustained loading,
    /// not the millisecond edges the battery has yet to take up.
    public static let loadingMeasurementS = 1.0
    /// Most samples one window may hold (a 3,600 s window at 1 ms is 3.6 million).
    public static let maxSamples = 4_000_000

    /// Samples of a window of `windowS` at `stepMS` (the section's when `nil`), before the model checks them.
    static func samples(config: TransientsConfig, windowS: Double?, stepMS: Double?) -> Double {
        ((windowS ?? config.windowS) / ((stepMS ?? config.stepMS) / 1000)).rounded()
    }

    /// The model of `scenario` at `point` under `config`, over `windowS` at `stepMS` (the section's
    /// when `nil`). Settings that cannot describe the hour throw, naming their key.
    public init(scenario: Scenario, config: TransientsConfig, point: OperatingPoint, windowS: Double? = nil, stepMS: Double? = nil) throws {
        func fail(_ key: String, _ message: String) -> HelioError { HelioError(.scenario, message, file: scenario.source, key: "transients.\(key)") }
        guard let diesel = scenario.diesel else { throw fail("at", "the transient study needs gensets forming the bus: the scenario has no [diesel]") }
        let window = windowS ?? config.windowS, step = (stepMS ?? config.stepMS) / 1000
        let samples = Self.samples(config: config, windowS: windowS, stepMS: stepMS)
        guard samples >= 2, samples <= Double(Self.maxSamples) else {
            throw fail("window_s", "a \(window) s window at \(step * 1000) ms holds \(Int(samples)) samples; allowed 2 to \(Self.maxSamples)")
        }
        guard step <= config.gensetTimeConstantS / 10, step <= config.periodS / 20 else {
            throw fail("step_ms", "\(step * 1000) ms is too coarse: keep it at most a tenth of the governor's \(config.gensetTimeConstantS) s "
                       + "and a twentieth of the \(config.periodS) s training period")
        }
        if config.policy != .none, scenario.battery == nil {
            throw fail("smoothing.policy", "'\(config.policy.rawValue)' needs a battery; the scenario has none (use \"none\")")
        }
        self.config = config
        self.point = point
        count = Int(samples)
        stepSeconds = step
        let load = scenario.load
        guard let rated = config.ratedITKW ?? (load.kind == .csv ? nil : Double(load.nodes) * load.nodeRatedKW) else {
            throw fail("training.rated_it_kw", "a CSV load does not say how many GPU nodes it has: give their rated power")
        }
        swingRatedKW = config.trainingShare * rated
        swingGPUs = swingRatedKW / load.nodeRatedKW * Double(load.gpusPerNode)
        let meanSwingKW = config.trainingShare * point.itKW
        let troughKW = config.troughShare * swingRatedKW
        guard meanSwingKW >= troughKW else {
            throw fail("training.trough_share", "the trough, \(Int(troughKW)) kW, lies above the \(Int(meanSwingKW)) kW the training job draws on average at \(point.timestamp)")
        }
        let peakKW = troughKW + (meanSwingKW - troughKW) / config.duty
        guard peakKW <= swingRatedKW * (1 + 1e-9) else {
            throw fail("training.duty", "the hour's \(Int(meanSwingKW)) kW needs a \(Int(peakKW)) kW peak, above the nodes' rated \(Int(swingRatedKW)) kW: "
                       + "raise duty or trough_share")
        }
        let idleShare = config.idleShare ?? load.nodeIdleKW / load.nodeRatedKW
        waveform = TrainingWaveform(steadyKW: point.itKW - meanSwingKW, peakKW: peakKW, troughKW: troughKW, idleKW: idleShare * swingRatedKW,
                                    periodS: config.periodS, duty: config.duty, rampS: config.rampMS / 1000,
                                    checkpointAtS: config.checkpointAtS, checkpointS: config.checkpointS, failureAtS: config.failureAtS)
        cloud = CloudRamp(atS: config.cloudAtS, depth: config.cloudDepth, rampS: config.cloudRampS, shadedS: config.cloudS)
        overheadKW = point.loadKW - point.itKW
        battery = scenario.battery
        self.diesel = diesel
        gensetRampKWPerS = config.gensetRampKWPerS ?? 0.05 * Double(point.gensetsRunning) * diesel.unitKW
    }

    /// The mitigation `[transients.smoothing]` describes.
    public var configuredMitigation: Mitigation {
        Mitigation(smoothing: smoothing(config.policy), gpu: configuredGPUSmoothing(floorShare: config.gpuFloorShare))
    }

    /// The storage policy `policy` with the section's parameters.
    public func smoothing(_ policy: TransientsConfig.Policy) -> any StorageSmoothing {
        switch policy {
        case .none: HeldBattery()
        case .ramp: RampRateLimit(rampKWPerS: gensetRampKWPerS)
        case .lowPass: LowPassSmoothing(timeConstantS: config.lowPassS)
        }
    }

    /// GPU-side smoothing at `floorShare` with the section's ramp limits (`nil` when it does nothing).
    public func configuredGPUSmoothing(floorShare: Double) -> GPUPowerSmoothing? {
        let up = config.gpuRampUpWPerS.map { $0 * swingGPUs / 1000 }, down = config.gpuRampDownWPerS.map { $0 * swingGPUs / 1000 }
        guard floorShare > 0 || up != nil || down != nil else { return nil }
        return GPUPowerSmoothing(ratedKW: swingRatedKW, floorShare: floorShare, rampUpKWPerS: up ?? .infinity, rampDownKWPerS: down ?? .infinity)
    }

    /// Samples of the undisturbed training: from one period in to the first event (checkpoint,
    /// failure, or a cloud over PV that delivers), or the whole window when that leaves less than a period.
    public var steadyRange: Range<Int> {
        var events = [Double]()
        if config.checkpointS > 0 { events.append(config.checkpointAtS) }
        if let failure = config.failureAtS { events.append(failure) }
        if let cloud = config.cloudAtS, point.pvKW > 0, config.cloudDepth > 0 { events.append(cloud) }
        let start = Int((config.periodS / stepSeconds).rounded())
        let end = Int(min(Double(count), max(0, ((events.min() ?? .infinity) / stepSeconds).rounded(.down))))
        return end - start >= start ? start..<end : 0..<count
    }

    /// Steps the window under `mitigation`; a bound ``StepCounter`` counts the window's steps when it ends.
    public func run(_ mitigation: Mitigation) -> TransientTrace {
        let itRaw = waveform.series(count: count, stepSeconds: stepSeconds)
        var it = itRaw, burnedKWh = 0.0
        if let gpu = mitigation.gpu {
            let smoothed = gpu.apply(itRaw.map { $0 - waveform.steadyKW }, stepSeconds: stepSeconds)
            it = smoothed.powerKW.map { $0 + waveform.steadyKW }
            burnedKWh = smoothed.burnedKWh
        }
        let pv = cloud.series(clearKW: point.pvKW, count: count, stepSeconds: stepSeconds)
        let load = it.map { $0 + overheadKW }
        let baseKW = battery == nil ? 0 : point.batteryKW
        let target = mitigation.smoothing.apply(zip(load, pv).map { $0 - $1 - baseKW }, stepSeconds: stepSeconds, from: point.gensetKW)
        var trace = TransientTrace(stepSeconds: stepSeconds, itRawKW: itRaw, itKW: it, loadKW: load, pvKW: pv,
                                   bessKW: [Double](repeating: 0, count: count), gensetKW: [Double](repeating: 0, count: count),
                                   frequencyHz: [Double](repeating: 0, count: count), steadyHz: [Double](repeating: 0, count: count),
                                   soc: [Double](repeating: point.soc, count: count), gensetUnits: [Int](repeating: 0, count: count),
                                   gpuBurnedKWh: burnedKWh, startsJoinedS: [])
        let storage = battery ?? (mitigation.unlimitedBattery ? BatteryConfig(energyKWh: 1e9, powerKW: 0) : nil)
        var inverter = storage.map { makeInverter(for: $0, unlimited: mitigation.unlimitedBattery) }
        var gensets = GensetDynamics(nominalHz: config.nominalHz, ratedKW: Double(point.gensetsRunning) * diesel.unitKW, inertiaS: config.gensetInertiaS,
                                     droop: config.gensetDroop, timeConstantS: config.gensetTimeConstantS, setpointKW: point.gensetKW)
        var running = point.gensetsRunning, joinAt: Int?, measuredKW = point.gensetKW
        let startSteps = Int((diesel.startSeconds / stepSeconds).rounded())
        let measuringGain = 1 - exp(-stepSeconds / Self.loadingMeasurementS)
        for i in 0..<count {
            let netKW = load[i] - pv[i]
            let bessKW = inverter?.step(seconds: stepSeconds, commandKW: netKW - target[i]) ?? 0
            let gensetKW = netKW - bessKW
            measuredKW += (gensetKW - measuredKW) * measuringGain
            if joinAt == nil, running < diesel.units, measuredKW > config.startAtLoading * gensets.ratedKW { joinAt = i + startSteps }
            if let join = joinAt, i >= join {
                gensets.addUnit(unitKW: diesel.unitKW)
                running += 1
                joinAt = nil
                trace.startsJoinedS.append(Double(i) * stepSeconds)
            }
            gensets.step(seconds: stepSeconds, loadKW: gensetKW, otherSourcesKW: 0)
            trace.bessKW[i] = bessKW
            trace.gensetKW[i] = gensetKW
            trace.frequencyHz[i] = gensets.frequencyHz
            trace.steadyHz[i] = gensets.steadyStateHz(electricalKW: gensetKW)
            trace.soc[i] = inverter?.soc ?? point.soc
            trace.gensetUnits[i] = running
        }
        StepCounter.current?.endRun(count)
        return trace
    }

    private func makeInverter(for battery: BatteryConfig, unlimited: Bool) -> BatteryInverter {
        var inverter = BatteryInverter(battery, soc: self.battery == nil ? 0.5 : point.soc, powerKW: self.battery == nil ? 0 : point.batteryKW,
                                       rampKWPerS: config.batteryRampKWPerS ?? battery.powerKW / 0.1,
                                       responseS: battery.responseMS / 1000)
        if unlimited {
            inverter.ratedKW = .infinity
            inverter.rampKWPerS = .infinity
        }
        return inverter
    }
}
