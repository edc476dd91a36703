import NIOCore
import Synchronization

/// The open HTTP connections, for the connection cap (``ServerLimits/maxConnections``): each is
/// busy (a request read or answered), idle since some instant, or carrying a live stream since some
/// instant. A connection opened at the cap closes the one idle the longest; if none is idle, the
/// oldest live stream (a client reconnects a stream; a control request must get through); if
/// neither, it is closed itself.
public final class ConnectionRegistry: Sendable {
    private struct Entry {
        let channel: any Channel
        var idleSince: NIODeadline?
        var streamSince: NIODeadline?
    }

    private let connections = Mutex<[ObjectIdentifier: Entry]>([:])
    private let metrics: ServiceMetrics
    /// The cap.
    public let maxConnections: Int

    /// A registry for at most `maxConnections` connections, their number published as `metrics`'
    /// `heliogrid_http_connections`.
    public init(maxConnections: Int, metrics: ServiceMetrics) {
        self.maxConnections = maxConnections
        self.metrics = metrics
    }

    /// Registers `channel` (idle); returns the channel to close to stay within the cap, if any —
    /// the longest-idle other connection, else the oldest live stream, or `channel` itself when
    /// every other one is busy with a request.
    func opened(_ channel: any Channel) -> (any Channel)? {
        connections.withLock { open in
            let id = ObjectIdentifier(channel)
            open[id] = Entry(channel: channel, idleSince: .now())
            defer { metrics.setConnections(open.count) }
            guard open.count > maxConnections else { return nil }
            let others = open.lazy.filter { $0.key != id }
            let idle = others.compactMap { entry in entry.value.idleSince.map { (entry.key, $0) } }.min { $0.1 < $1.1 }
            let stream = others.compactMap { entry in entry.value.streamSince.map { (entry.key, $0) } }.min { $0.1 < $1.1 }
            let closing = idle?.0 ?? stream?.0 ?? id
            return open.removeValue(forKey: closing)?.channel
        }
    }

    /// Marks `channel` busy (a request head arrived) or idle (its response ended).
    func mark(_ channel: any Channel, busy: Bool) {
        connections.withLock { $0[ObjectIdentifier(channel)]?.idleSince = busy ? nil : .now() }
    }

    /// Marks `channel` as carrying a live stream from now.
    func markStream(_ channel: any Channel) {
        connections.withLock { $0[ObjectIdentifier(channel)]?.streamSince = .now() }
    }

    /// Forgets `channel`.
    func closed(_ channel: any Channel) {
        connections.withLock { open in
            guard open.removeValue(forKey: ObjectIdentifier(channel)) != nil else { return }
            metrics.setConnections(open.count)
        }
    }
}
