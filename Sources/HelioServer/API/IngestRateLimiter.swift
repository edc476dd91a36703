import Foundation
import HelioGrid
import Synchronization

/// Telemetry ingest per token as a token bucket (the classic traffic-shaping form, RFC 2697's
/// committed rate and burst): each token may send ``ServerLimits/ingestReadingsPerS`` readings a
/// second sustained and ``ServerLimits/ingestBurstReadings`` at once; a batch past it is refused
/// (429) with the seconds until it would fit.
final class IngestRateLimiter: Sendable {
    private struct Bucket {
        var readings: Double
        var at: ContinuousClock.Instant
    }

    private let state = Mutex<(rate: Double, burst: Double, buckets: [String: Bucket])>((2_000, 20_000, [:]))

    /// Sets the sustained rate (readings/s) and the burst (readings, at least a full batch of 1,000).
    func set(ratePerS: Double, burst: Double) {
        state.withLock { $0.rate = ratePerS; $0.burst = burst }
    }

    /// Takes `count` readings from `token`'s bucket; nil when they fit, else the seconds to wait.
    func take(_ count: Int, token: String, now: ContinuousClock.Instant = .now) -> Double? {
        state.withLock { state in
            var bucket = state.buckets[token] ?? Bucket(readings: state.burst, at: now)
            bucket.readings = min(state.burst, bucket.readings + (now - bucket.at).milliseconds / 1000 * state.rate)
            bucket.at = now
            defer { state.buckets[token] = bucket }
            guard Double(count) <= bucket.readings else { return (Double(count) - bucket.readings) / state.rate }
            bucket.readings -= Double(count)
            return nil
        }
    }
}
