/// GPU training throughput against power: the share of full-power throughput a job keeps when its
/// GPUs are held to a share of the power they draw uncapped.
///
/// Calibrated on the Zeus measurements (J. You, J.-W. Chung, M. Chowdhury, "Zeus: Understanding and
/// Optimizing GPU Energy Consumption of DNN Training", NSDI 2023; trace
/// `examples/research_reproducibility/zeus_nsdi23/trace/`, Apache-2.0): epoch time and average board
/// power of 218 training configurations (six datasets; network, batch size and optimiser) at every
/// power limit on A40, P100, RTX 6000 and V100 GPUs, 1,609 points. For each workload the run
/// at its highest power limit is the reference; each point gives relative power (average power over
/// the reference's) and relative throughput (the reference's epoch time over the point's). The
/// table is the median relative throughput of the points in each 0.05-wide bin of relative power
/// (`ThroughputCurveTests` recomputes it from the trace files); between points it is linear.
public struct ThroughputCurve: Sendable, Equatable {
    /// Relative power at the table's points, ascending, ending at 1.
    public let powerFractions: [Double]
    /// Relative throughput at those points.
    public let throughputFractions: [Double]

    /// The calibrated curve.
    public static let zeus = ThroughputCurve(
        powerFractions: [0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00],
        throughputFractions: [0.3542, 0.5081, 0.6250, 0.6886, 0.7932, 0.8477, 0.8976, 0.9271, 0.9457, 0.9668, 0.9799, 0.9907, 1.0])

    /// Relative throughput at `powerFraction`; the scenario keeps caps within the calibrated range
    /// (``FlexibilityConfig/lowestPowerCapFloor``).
    public func throughput(atPowerFraction powerFraction: Double) -> Double {
        guard powerFraction < 1 else { return 1 }
        guard powerFraction > powerFractions[0] else { return throughputFractions[0] }
        var upper = 1
        while powerFractions[upper] < powerFraction { upper += 1 }
        let lower = upper - 1
        let weight = (powerFraction - powerFractions[lower]) / (powerFractions[upper] - powerFractions[lower])
        return throughputFractions[lower] + weight * (throughputFractions[upper] - throughputFractions[lower])
    }
}
