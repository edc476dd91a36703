/// The IT power of a synchronous training job below one second (docs/transients.md): every GPU
/// alternates between a compute phase near its peak and a communication phase at a trough, in
/// lockstep, with ramps of a few milliseconds between them; a checkpoint pauses the job at idle and
/// a job-wide failure drops every node to idle until the job restarts ("Power Stabilization for AI
/// Training Datacenters", arXiv 2508.14318, §2: iteration-periodic swings of the whole cluster at
/// 0.2–3 Hz, drops to idle on checkpoints and failures).
///
/// The waveform keeps the hour's mean: the trough is a share of the swinging nodes' rated power and
/// the peak is what makes the period's mean the hour's IT power (trapezoids centred on the phase
/// boundaries, so the mean is trough + (peak − trough) × duty). The rest of the IT load holds still.
public struct TrainingWaveform: Sendable, Equatable {
    /// IT power that holds still, kW.
    public var steadyKW: Double
    /// Power of the swinging nodes in the compute phase and in the communication phase, kW.
    public var peakKW: Double, troughKW: Double
    /// Power of the swinging nodes while checkpointing or failed, kW.
    public var idleKW: Double
    /// Iteration period, s; share of it in the compute phase; each ramp, s.
    public var periodS: Double, duty: Double, rampS: Double
    /// Checkpoint pause: start and length, s (length 0: none).
    public var checkpointAtS: Double, checkpointS: Double
    /// When the job fails, s (`nil`: never).
    public var failureAtS: Double?

    /// A waveform with the figures given.
    public init(steadyKW: Double, peakKW: Double, troughKW: Double, idleKW: Double, periodS: Double, duty: Double, rampS: Double,
                checkpointAtS: Double = 0, checkpointS: Double = 0, failureAtS: Double? = nil) {
        self.steadyKW = steadyKW
        self.peakKW = peakKW
        self.troughKW = troughKW
        self.idleKW = idleKW
        self.periodS = periodS
        self.duty = duty
        self.rampS = rampS
        self.checkpointAtS = checkpointAtS
        self.checkpointS = checkpointS
        self.failureAtS = failureAtS
    }

    /// Mean power of the swinging nodes over a period, kW.
    public var meanSwingKW: Double { troughKW + (peakKW - troughKW) * duty }

    /// Power at `t` seconds into the window, kW.
    public func powerKW(at t: Double) -> Double {
        let running = runningShare(at: t)
        return steadyKW + running * swingKW(at: t) + (1 - running) * idleKW
    }

    /// The window of `count` samples every `stepSeconds`, kW.
    public func series(count: Int, stepSeconds: Double) -> [Double] {
        (0..<count).map { powerKW(at: Double($0) * stepSeconds) }
    }

    /// The swinging nodes' power while the job runs: the rise is centred on the start of each
    /// period and the fall on `duty` × period.
    private func swingKW(at t: Double) -> Double {
        let phase = (t + rampS / 2).truncatingRemainder(dividingBy: periodS)
        let fallStart = duty * periodS
        let rising = rampS > 0 ? min(1, phase / rampS) : 1
        let falling = rampS > 0 ? min(1, max(0, (phase - fallStart) / rampS)) : (phase >= fallStart + rampS / 2 ? 1 : 0)
        return troughKW + (peakKW - troughKW) * (rising - falling)
    }

    /// 1 while the job runs, 0 while it checkpoints or has failed, ramping over `rampS` between.
    private func runningShare(at t: Double) -> Double {
        var share = 1.0
        if checkpointS > 0 { share = min(share, max(stopping(at: t, from: checkpointAtS), starting(at: t, from: checkpointAtS + checkpointS))) }
        if let failureAtS { share = min(share, stopping(at: t, from: failureAtS)) }
        return share
    }

    private func stopping(at t: Double, from start: Double) -> Double {
        rampS > 0 ? min(1, max(0, 1 - (t - start) / rampS)) : (t < start ? 1 : 0)
    }

    private func starting(at t: Double, from start: Double) -> Double {
        rampS > 0 ? min(1, max(0, (t - start) / rampS)) : (t < start ? 0 : 1)
    }
}
