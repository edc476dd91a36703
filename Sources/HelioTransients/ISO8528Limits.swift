import HelioGrid

/// The operating limits of an ISO 8528-5 performance class for the frequency of a generating set
/// (ISO 8528-5:2013, *Reciprocating internal combustion engine driven alternating current generating
/// sets — Part 5: Generating sets*, Table 4, as generating-set specifications reproduce it; e.g. G2:
/// droop ≤ 5 %, steady-state band ≤ 1.5 %, transient deviation −10 % on a load increase and +12 % on
/// a decrease, recovery ≤ 5 s). All percentages are of the nominal frequency.
///
/// The standard measures the transient deviation on a load increase from the initial frequency and
/// lets it grow by the droop; HelioGrid measures it from nominal and does not add the droop, which is
/// stricter.
public struct ISO8528Limits: Sendable, Equatable {
    /// The class.
    public let performanceClass: TransientsConfig.ISOClass
    /// Largest fall below nominal on a load increase, %.
    public let dipPercent: Double
    /// Largest rise above nominal on a load decrease, %.
    public let risePercent: Double
    /// Longest time outside the tolerance band after a disturbance, s.
    public let recoveryS: Double
    /// Width of the tolerance band the frequency recovers into, % (centred on the steady state).
    public let toleranceBandPercent: Double
    /// Widest steady-state frequency band, % (peak to peak).
    public let steadyBandPercent: Double
    /// Largest governor droop, %.
    public let droopPercent: Double

    /// The limits of `performanceClass`.
    public init(_ performanceClass: TransientsConfig.ISOClass) {
        self.performanceClass = performanceClass
        switch performanceClass {
        case .g1: (dipPercent, risePercent, recoveryS, toleranceBandPercent, steadyBandPercent, droopPercent) = (15, 18, 10, 3.5, 2.5, 8)
        case .g2: (dipPercent, risePercent, recoveryS, toleranceBandPercent, steadyBandPercent, droopPercent) = (10, 12, 5, 2, 1.5, 5)
        case .g3: (dipPercent, risePercent, recoveryS, toleranceBandPercent, steadyBandPercent, droopPercent) = (7, 10, 3, 2, 0.5, 3)
        }
    }
}
