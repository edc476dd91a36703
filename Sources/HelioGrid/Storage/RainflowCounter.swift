/// Streaming rainflow cycle counting of a state-of-charge history.
///
/// ASTM E1049-85 (reapproved 2017), "Standard Practices for Cycle Counting in Fatigue Analysis",
/// §5.4.4: reversals are kept on a stack; when the latest range is at least the previous one, the
/// previous range is counted as a full cycle (or a half cycle if it contains the first point).
/// Ranges left at the end count as half cycles. Memory holds only the open reversals.
public struct RainflowCounter: Sendable {
    private var reversals: [Double] = []
    private var last: Double?
    private var rising: Bool?
    /// Σ depth over closed full cycles plus ½ Σ depth over closed half cycles.
    public private(set) var countedDepth = 0.0

    /// Creates an empty counter.
    public init() {}

    /// Adds the next state of charge (fraction).
    public mutating func add(_ value: Double) {
        guard let previous = last else {
            last = value
            reversals.append(value)
            return
        }
        guard value != previous else { return }
        let nowRising = value > previous
        if let wasRising = rising, wasRising != nowRising {
            pushReversal(previous)
        }
        rising = nowRising
        last = value
    }

    /// Fatigue damage so far, fraction of life, for a linear depth law: a cycle of depth d uses
    /// d / `cyclesToFailureAtFullDepth` of the life. Open ranges count as half cycles.
    public func damage(cyclesToFailureAtFullDepth: Double) -> Double {
        (countedDepth + residualDepth / 2) / cyclesToFailureAtFullDepth
    }

    /// Sum of the ranges still open (including the path to the latest value).
    private var residualDepth: Double {
        var points = reversals
        if let last, last != points.last { points.append(last) }
        var total = 0.0
        for index in points.indices.dropFirst() { total += abs(points[index] - points[index - 1]) }
        return total
    }

    private mutating func pushReversal(_ point: Double) {
        reversals.append(point)
        while reversals.count >= 3 {
            let n = reversals.count
            let latest = abs(reversals[n - 1] - reversals[n - 2])
            let previous = abs(reversals[n - 2] - reversals[n - 3])
            guard latest >= previous else { return }
            if n == 3 {
                countedDepth += previous / 2
                reversals.remove(at: 0)
            } else {
                countedDepth += previous
                reversals.removeSubrange((n - 3)..<(n - 1))
            }
        }
    }
}
