import Foundation

/// A component that alternates between working and under repair: a two-state Markov process with
/// exponentially distributed times to failure and to repair (R. Billinton and R. N. Allan,
/// *Reliability Evaluation of Power Systems*, 2nd ed., Plenum 1996, ch. 2 and 12: sequential Monte
/// Carlo by state duration sampling). Failures run on calendar time, whether the component is in
/// use or not.
public struct RepairableComponent: Sendable {
    /// Whether it works now.
    public private(set) var isUp: Bool
    /// When its present state ends, hours on the run's clock.
    public private(set) var changeHours: Double

    /// A component in its steady state at time 0: working with probability MTTF / (MTTF + MTTR),
    /// the time left in that state exponential (memorylessness).
    public init(mttfHours: Double, mttrHours: Double, random: inout SplitMix64) {
        isUp = Double.random(in: 0..<1, using: &random) < ReliabilityConfig.availability(mttfHours: mttfHours, mttrHours: mttrHours)
        changeHours = Self.exponential(mean: isUp ? mttfHours : mttrHours, random: &random)
    }

    /// Brings the component to `timeHours`, drawing each new state's duration.
    @inline(__always)
    public mutating func advance(to timeHours: Double, mttfHours: Double, mttrHours: Double, random: inout SplitMix64) {
        while changeHours <= timeHours {
            isUp.toggle()
            changeHours += Self.exponential(mean: isUp ? mttfHours : mttrHours, random: &random)
        }
    }

    /// Fails it at `timeHours` (a failed start), repaired after an exponential time of mean `mttrHours`.
    public mutating func fail(at timeHours: Double, mttrHours: Double, random: inout SplitMix64) {
        isUp = false
        changeHours = timeHours + Self.exponential(mean: mttrHours, random: &random)
    }

    /// An exponentially distributed duration of mean `mean`, by inversion.
    public static func exponential(mean: Double, random: inout SplitMix64) -> Double {
        -mean * log1p(-Double.random(in: 0..<1, using: &random))
    }
}
