import HelioGrid

/// The figures of one transient run (`transients.json`, docs/output-contract.md): the largest ramp
/// the gensets see, the frequency response and its ISO 8528-5 class, the variation energy in the
/// band, and what the smoothing took from the battery and the GPUs.
public struct TransientOutcome: Sendable, Equatable {
    /// Largest change of the gensets' output from one step to the next, kW/s: the sharpest edge they
    /// take, including what reaches them while the battery's response lags.
    public var maxGensetRampKWPerS: Double
    /// Largest change of the gensets' output over one second, kW/s: the sustained ramp a MW/s limit speaks of.
    public var maxGensetRamp1sKWPerS: Double
    /// Largest change of the IT power from one step to the next, kW/s.
    public var maxITRampKWPerS: Double
    /// The bus frequency's answer.
    public var frequency: FrequencyResponse
    /// Share of the IT load's variation energy in the band.
    public var itInBandFraction: Double
    /// The gensets' variation energy in the band, as a share of the IT load's variation energy: how
    /// much of the campus's swing reaches them there.
    public var gensetInBandFraction: Double
    /// Share of the gensets' own variation energy in the band.
    public var gensetOwnInBandFraction: Double
    /// Largest battery power beyond the hour's, kW, and largest battery power in all, kW.
    public var smoothingPeakKW: Double, batteryPeakKW: Double
    /// Spread of the battery energy beyond the hour's over the window (highest less lowest of its
    /// running sum), kWh, and its throughput (both directions), kWh.
    public var smoothingEnergyKWh: Double, smoothingThroughputKWh: Double
    /// Time the battery spent at its power rating, s.
    public var batteryAtLimitS: Double
    /// Energy the GPU-side smoothing burned, kWh, and its mean rate while the training runs
    /// undisturbed (``TransientModel/steadyRange``), kW: what a year of training burns, checkpoints
    /// and failures being rare.
    public var gpuBurnedKWh: Double, gpuBurnedSteadyKW: Double
    /// When each genset the EMS started joined the bus, s.
    public var startsJoinedS: [Double]

    /// The figures of `trace`, a run of `model`.
    public init(_ trace: TransientTrace, model: TransientModel) {
        let step = trace.stepSeconds, config = model.config
        maxGensetRampKWPerS = Self.maxChange(trace.gensetKW, lag: 1) / step
        let secondLag = max(1, Int((1 / step).rounded()))
        maxGensetRamp1sKWPerS = Self.maxChange(trace.gensetKW, lag: secondLag) / (Double(secondLag) * step)
        maxITRampKWPerS = Self.maxChange(trace.itKW, lag: 1) / step
        frequency = FrequencyResponse(frequencyHz: trace.frequencyHz, steadyHz: trace.steadyHz, stepSeconds: step, nominalHz: config.nominalHz,
                                      steadyRange: model.steadyRange, droop: config.gensetDroop)
        let it = VariationSpectrum.bandEnergy(trace.itRawKW, stepSeconds: step, lowHz: config.bandLowHz, highHz: config.bandHighHz)
        let gensets = VariationSpectrum.bandEnergy(trace.gensetKW, stepSeconds: step, lowHz: config.bandLowHz, highHz: config.bandHighHz)
        itInBandFraction = it.total > 0 ? it.inBand / it.total : 0
        gensetInBandFraction = it.total > 0 ? gensets.inBand / it.total : 0
        gensetOwnInBandFraction = gensets.total > 0 ? gensets.inBand / gensets.total : 0
        let baseKW = model.battery == nil ? 0 : model.point.batteryKW
        var peak = 0.0, total = 0.0, running = 0.0, lowest = 0.0, highest = 0.0, throughput = 0.0, atLimit = 0
        let ratedKW = model.battery?.powerKW ?? .infinity
        for power in trace.bessKW {
            let extra = power - baseKW
            peak = max(peak, abs(extra))
            total = max(total, abs(power))
            running += extra * step / 3600
            lowest = min(lowest, running)
            highest = max(highest, running)
            throughput += abs(extra) * step / 3600
            if abs(power) >= ratedKW * (1 - 1e-9) { atLimit += 1 }
        }
        smoothingPeakKW = peak
        batteryPeakKW = total
        smoothingEnergyKWh = highest - lowest
        smoothingThroughputKWh = throughput
        batteryAtLimitS = Double(atLimit) * step
        gpuBurnedKWh = trace.gpuBurnedKWh
        let steady = model.steadyRange
        gpuBurnedSteadyKW = steady.isEmpty ? 0 : steady.reduce(0) { $0 + max(0, trace.itKW[$1] - trace.itRawKW[$1]) } / Double(steady.count)
        startsJoinedS = trace.startsJoinedS
    }

    /// Whether the run keeps the gensets in `target` or better with at most `maxInBand` of the
    /// campus's variation energy reaching them in the band.
    public func meets(_ target: TransientsConfig.ISOClass, maxInBand: Double) -> Bool {
        guard let met = frequency.classMet else { return false }
        return met >= target && gensetInBandFraction <= maxInBand
    }

    /// The largest |x[i] − x[i − lag]|.
    private static func maxChange(_ values: [Double], lag: Int) -> Double {
        guard values.count > lag else { return 0 }
        return (lag..<values.count).reduce(0) { max($0, abs(values[$1] - values[$1 - lag])) }
    }
}
