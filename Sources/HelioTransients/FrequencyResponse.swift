import HelioGrid

/// How the bus frequency answered a window of load (docs/transients.md): the nadir and peak, the
/// largest rate of change, the steady-state band while training runs undisturbed, the longest time
/// outside each class's tolerance band, and the tightest ISO 8528-5 class (``ISO8528Limits``) every
/// figure meets.
///
/// The tolerance band is centred on the frequency the droop settles at for the power the gensets
/// carry at that moment, f₀ (1 − R (P − P_set) / P_rated) (Kundur 1994, §9.1): the standard's
/// recovery is into the band around the new steady state, not around nominal.
public struct FrequencyResponse: Sendable, Equatable {
    /// Lowest and highest frequency, Hz.
    public var nadirHz: Double, peakHz: Double
    /// Fall below and rise above nominal, % of nominal.
    public var dipPercent: Double, risePercent: Double
    /// Largest rate of change of frequency, Hz/s (over 10 ms, as relays measure it over a few cycles).
    public var maxROCOFHzPerS: Double
    /// Peak-to-peak frequency while the training runs undisturbed, % of nominal.
    public var steadyBandPercent: Double
    /// Longest time outside the ±1 % band (G2 and G3's 2 % tolerance band), s.
    public var recoveryS: Double
    /// Longest time outside the ±1.75 % band (G1's 3.5 %), s.
    public var recoveryG1S: Double
    /// The tightest class met, `nil` when not even G1 is.
    public var classMet: TransientsConfig.ISOClass?

    /// The response of `frequencyHz` against the droop's steady state `steadyHz`, sampled every
    /// `stepSeconds`; the steady-state band is taken over `steadyRange` (indices) and the governor's
    /// `droop` is checked against each class.
    public init(frequencyHz: [Double], steadyHz: [Double], stepSeconds: Double, nominalHz: Double, steadyRange: Range<Int>, droop: Double) {
        nadirHz = frequencyHz.min() ?? nominalHz
        peakHz = frequencyHz.max() ?? nominalHz
        dipPercent = max(0, (nominalHz - nadirHz) / nominalHz * 100)
        risePercent = max(0, (peakHz - nominalHz) / nominalHz * 100)
        let lag = max(1, Int((0.01 / stepSeconds).rounded()))
        maxROCOFHzPerS = frequencyHz.count > lag
            ? (lag..<frequencyHz.count).reduce(0) { max($0, abs(frequencyHz[$1] - frequencyHz[$1 - lag])) } / (Double(lag) * stepSeconds)
            : 0
        let steady = frequencyHz[steadyRange.clamped(to: frequencyHz.indices)]
        steadyBandPercent = ((steady.max() ?? nominalHz) - (steady.min() ?? nominalHz)) / nominalHz * 100
        recoveryS = Self.longestExcursion(frequencyHz, steadyHz, halfBandHz: nominalHz * 0.01) * stepSeconds
        recoveryG1S = Self.longestExcursion(frequencyHz, steadyHz, halfBandHz: nominalHz * 0.0175) * stepSeconds
        classMet = nil
        classMet = TransientsConfig.ISOClass.allCases.reversed().first { meets(ISO8528Limits($0), droop: droop) }
    }

    /// Whether every figure lies within `limits` with a governor of `droop`.
    public func meets(_ limits: ISO8528Limits, droop: Double) -> Bool {
        let recovery = limits.performanceClass == .g1 ? recoveryG1S : recoveryS
        return dipPercent <= limits.dipPercent && risePercent <= limits.risePercent && recovery <= limits.recoveryS
            && steadyBandPercent <= limits.steadyBandPercent && droop * 100 <= limits.droopPercent + 1e-9
    }

    /// The most consecutive samples with |f − f_ss| above `halfBandHz`.
    private static func longestExcursion(_ frequencyHz: [Double], _ steadyHz: [Double], halfBandHz: Double) -> Double {
        var longest = 0, current = 0
        for (frequency, steady) in zip(frequencyHz, steadyHz) {
            current = abs(frequency - steady) > halfBandHz ? current + 1 : 0
            longest = max(longest, current)
        }
        return Double(longest)
    }
}
