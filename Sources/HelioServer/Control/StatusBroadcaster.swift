import Foundation
import Synchronization

/// Fans each interval's status out to the live stream's subscribers; a subscriber that goes away
/// is dropped, and a slow one keeps only the newest few statuses.
final class StatusBroadcaster: Sendable {
    /// Statuses buffered per subscriber.
    static let buffered = 4
    private let subscribers = Mutex<[UUID: AsyncStream<ControlStatus>.Continuation]>([:])

    /// A new subscription, and what ends it from outside (a shutdown).
    func subscribe() -> (updates: AsyncStream<ControlStatus>, end: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: ControlStatus.self, bufferingPolicy: .bufferingNewest(Self.buffered))
        let id = UUID()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return (stream, { continuation.finish() })
    }

    /// Whether anyone listens.
    var hasSubscribers: Bool { subscribers.withLock { !$0.isEmpty } }

    /// Sends `status` to every subscriber.
    func publish(_ status: ControlStatus) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(status) }
    }

    /// Ends every subscription.
    func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
