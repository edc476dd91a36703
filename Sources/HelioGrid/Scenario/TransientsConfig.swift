/// The `[transients]` section: the sub-second study `heliogrid transients` runs (docs/transients.md) —
/// the operating point, the training waveform and its events, a PV cloud ramp, the gensets' governor
/// and inertia, the storage and GPU-side smoothing, and the limits the sizing rule meets. Every key
/// is optional; the defaults are stated on each property and in docs/scenario.md.
public struct TransientsConfig: Sendable, Equatable {
    /// How storage shapes what the gensets see.
    public enum Policy: String, Sendable, CaseIterable {
        /// The battery holds its hourly power; the gensets take every swing.
        case none
        /// The gensets' power changes at most `gensetRampKWPerS`.
        case ramp
        /// The gensets see the load through a first-order filter of `lowPassS`.
        case lowPass = "low-pass"
    }

    /// ISO 8528-5 performance class, G1 the loosest, G3 the tightest.
    public enum ISOClass: String, Sendable, CaseIterable, Comparable {
        case g1 = "G1", g2 = "G2", g3 = "G3"

        public static func < (lhs: ISOClass, rhs: ISOClass) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { ISOClass.allCases.firstIndex(of: self)! }
    }

    /// The operating point's step, an ISO 8601 date-time with its offset (`nil`: the night step with
    /// gensets running and the largest IT load of the first year).
    public var at: ISOTimestamp?
    /// Length of the window, s (default 60).
    public var windowS = 60.0
    /// Step of the window, ms (default 1).
    public var stepMS = 1.0
    /// Nominal bus frequency, Hz (default 60).
    public var nominalHz = 60.0

    /// Rated power of the GPU nodes that swing, kW (`nil`: nodes × `node_rated_kw` of `[load]`).
    public var ratedITKW: Double?
    /// Share of the IT power in the synchronous training job (default 1).
    public var trainingShare = 1.0
    /// Iteration period of the training job, s (default 2: 0.5 Hz).
    public var periodS = 2.0
    /// Share of each period in the compute phase (default 0.8).
    public var duty = 0.8
    /// Power in the communication phase, share of the nodes' rated power (default 0.45).
    public var troughShare = 0.45
    /// Time of each change between the phases, ms (default 20).
    public var rampMS = 20.0
    /// Power of a node while checkpointing or failed, share of rated (`nil`: `node_idle_kw / node_rated_kw`).
    public var idleShare: Double?
    /// Start of a checkpoint pause, s into the window, and its length, s (0: none; default 20 and 5).
    public var checkpointAtS = 20.0, checkpointS = 5.0
    /// When the job fails and its nodes fall to idle for the rest of the window, s (`nil`: no failure; default 45).
    public var failureAtS: Double? = 45

    /// Start of a cloud over the PV, s (`nil`: none; default 10).
    public var cloudAtS: Double? = 10
    /// Share of the PV power the cloud takes away (default 0.6).
    public var cloudDepth = 0.6
    /// Time the PV takes to fall and to recover, s (default 10).
    public var cloudRampS = 10.0
    /// Time the PV stays shaded at the bottom, s (default 20).
    public var cloudS = 20.0

    /// Inertia constant of the running gensets, s (default 1.0).
    public var gensetInertiaS = 1.0
    /// Governor droop, per unit (default 0.03).
    public var gensetDroop = 0.03
    /// Time constant of governor, actuator and engine, s (default 0.5).
    public var gensetTimeConstantS = 0.5
    /// Loading of the running gensets at which the EMS starts one more, fraction of their rating (default 0.95).
    public var startAtLoading = 0.95

    /// The storage smoothing policy (default `ramp`).
    public var policy = Policy.ramp
    /// Ramp limit on the gensets' power under `ramp`, kW/s (`nil`: 5 % of the running gensets' rating per second).
    public var gensetRampKWPerS: Double?
    /// Time constant of the low-pass under `low-pass`, s (default 2).
    public var lowPassS = 2.0
    /// Battery inverter ramp limit, kW/s (`nil`: full power in 100 ms).
    public var batteryRampKWPerS: Double?
    /// GPU power floor, share of rated (0: none; default 0).
    public var gpuFloorShare = 0.0
    /// GPU ramp-up and ramp-down limits, W per GPU per second (`nil`: none).
    public var gpuRampUpWPerS: Double?, gpuRampDownWPerS: Double?

    /// The class the sizing rule keeps the gensets in (default G2).
    public var targetClass = ISOClass.g2
    /// The frequency band whose variation energy is limited, Hz (default 0.1–20).
    public var bandLowHz = 0.1, bandHighHz = 20.0
    /// Largest share of the IT load's variation energy the gensets may see in the band (default 0.2).
    public var maxInBandFraction = 0.2
    /// Hours a year the campus runs the training waveform, for the cost of a GPU power floor (default 8,760).
    public var trainingHoursPerYear = 8_760.0

    /// The defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        if let text = try section.optionalString("at") {
            guard let stamp = ISOTimestamp(Substring(text)) else {
                throw section.error("at", "expected an ISO 8601 date-time with its UTC offset (2026-07-15T02:00:00-07:00), found '\(text)'")
            }
            at = stamp
        }
        windowS = try section.positive("window_s", default: windowS, max: 3_600)
        stepMS = try section.positive("step_ms", default: stepMS, max: 1_000)
        nominalHz = try section.double("nominal_hz", default: nominalHz, in: 40...70)
        var training = try section.section("training")
        try readTraining(&training)
        var cloud = try section.section("cloud")
        try readCloud(&cloud)
        var gensets = try section.section("gensets")
        try readGensets(&gensets)
        var smoothing = try section.section("smoothing")
        try readSmoothing(&smoothing)
        var sizing = try section.section("sizing")
        try readSizing(&sizing)
        try section.finish()
    }

    private mutating func readTraining(_ section: inout ScenarioSection) throws {
        ratedITKW = section.contains("rated_it_kw") ? try section.positive("rated_it_kw", max: 1e8) : nil
        trainingShare = try section.double("share", default: trainingShare, in: 0...1)
        periodS = try section.positive("period_s", default: periodS, max: 600)
        duty = try section.positive("duty", default: duty, max: 1)
        troughShare = try section.double("trough_share", default: troughShare, in: 0...1)
        rampMS = try section.double("ramp_ms", default: rampMS, in: 0...60_000)
        if 2 * rampMS / 1000 > periodS * min(duty, 1 - duty) + 1e-12, duty < 1 {
            throw section.error("ramp_ms", "two ramps of \(rampMS) ms do not fit the shorter phase of a \(periodS) s period at duty \(duty)")
        }
        idleShare = section.contains("idle_share") ? try section.double("idle_share", in: 0...1) : nil
        checkpointAtS = try section.double("checkpoint_at_s", default: checkpointAtS, in: 0...3_600)
        checkpointS = try section.double("checkpoint_s", default: checkpointS, in: 0...3_600)
        failureAtS = section.contains("failure_at_s") ? try section.double("failure_at_s", in: 0...3_600) : failureAtS
        if try !section.bool("failure", default: true) { failureAtS = nil }
        try section.finish()
    }

    private mutating func readCloud(_ section: inout ScenarioSection) throws {
        cloudAtS = section.contains("at_s") ? try section.double("at_s", in: 0...3_600) : cloudAtS
        if try !section.bool("enabled", default: true) { cloudAtS = nil }
        cloudDepth = try section.double("depth", default: cloudDepth, in: 0...1)
        cloudRampS = try section.double("ramp_s", default: cloudRampS, in: 0...3_600)
        cloudS = try section.double("shaded_s", default: cloudS, in: 0...3_600)
        try section.finish()
    }

    private mutating func readGensets(_ section: inout ScenarioSection) throws {
        gensetInertiaS = try section.positive("inertia_s", default: gensetInertiaS, max: 20)
        gensetDroop = try section.positive("droop", default: gensetDroop, max: 0.2)
        gensetTimeConstantS = try section.positive("time_constant_s", default: gensetTimeConstantS, max: 60)
        startAtLoading = try section.positive("start_at_loading", default: startAtLoading, max: 2)
        try section.finish()
    }

    private mutating func readSmoothing(_ section: inout ScenarioSection) throws {
        policy = Policy(rawValue: try section.choice("policy", default: policy.rawValue, in: Policy.allCases.map(\.rawValue)))!
        gensetRampKWPerS = section.contains("genset_ramp_kw_per_s") ? try section.positive("genset_ramp_kw_per_s", max: 1e9) : nil
        lowPassS = try section.positive("low_pass_s", default: lowPassS, max: 3_600)
        batteryRampKWPerS = section.contains("battery_ramp_kw_per_s") ? try section.positive("battery_ramp_kw_per_s", max: 1e10) : nil
        gpuFloorShare = try section.double("gpu_floor_share", default: gpuFloorShare, in: 0...1)
        gpuRampUpWPerS = section.contains("gpu_ramp_up_w_per_s") ? try section.positive("gpu_ramp_up_w_per_s", max: 1e7) : nil
        gpuRampDownWPerS = section.contains("gpu_ramp_down_w_per_s") ? try section.positive("gpu_ramp_down_w_per_s", max: 1e7) : nil
        try section.finish()
    }

    private mutating func readSizing(_ section: inout ScenarioSection) throws {
        targetClass = ISOClass(rawValue: try section.choice("iso_class", default: targetClass.rawValue, in: ISOClass.allCases.map(\.rawValue)))!
        bandLowHz = try section.positive("band_low_hz", default: bandLowHz, max: 500)
        bandHighHz = try section.positive("band_high_hz", default: bandHighHz, max: 500)
        guard bandLowHz < bandHighHz else { throw section.error("band_high_hz", "must be above band_low_hz (\(bandLowHz))") }
        maxInBandFraction = try section.double("max_in_band_fraction", default: maxInBandFraction, in: 0...1)
        trainingHoursPerYear = try section.double("training_hours_per_year", default: trainingHoursPerYear, in: 0...8_760)
        try section.finish()
    }
}
