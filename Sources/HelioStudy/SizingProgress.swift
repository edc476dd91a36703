import Foundation
import HelioGrid
import Synchronization

/// How far a sizing run has got, shared by its workers and whoever reports it: designs done of a
/// total, from a start time, with the rate and the time left at that rate.
public final class SizingProgress: Sendable {
    /// Designs to evaluate.
    public let total: Int
    private let done = Atomic<Int>(0)
    private let started = ContinuousClock.now

    /// Progress over `total` designs, starting now.
    public init(total: Int) { self.total = total }

    /// One more design done.
    public func advance() { done.add(1, ordering: .relaxed) }

    /// Designs done so far.
    public var completed: Int { done.load(ordering: .relaxed) }

    /// Seconds since the start.
    public var elapsedSeconds: Double { (ContinuousClock.now - started).milliseconds / 1000 }

    /// `done/total designs, rate/s, ETA s` for a terminal line.
    public var line: String {
        let count = completed, seconds = elapsedSeconds
        let rate = seconds > 0 ? Double(count) / seconds : 0
        let left = rate > 0 ? Double(total - count) / rate : 0
        return String(format: "size: %d/%d designs, %.0f/s, ETA %.0f s", count, total, rate, left)
    }
}
