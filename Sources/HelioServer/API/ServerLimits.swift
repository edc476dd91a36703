/// What one client may hold of the service: connection timeouts and the connection cap, with
/// defaults for a service reachable from an untrusted network (in the range of nginx's and Apache
/// httpd's defaults: header 60 s / 20–40 s, body 60 s / 20 s, keep-alive 75 s / 5 s).
public struct ServerLimits: Sendable, Equatable {
    /// A connection with no request under way is closed after this long, seconds (keep-alive).
    public var idleTimeoutS: Double = 15
    /// The first request's head must be complete this long after the connection opens, seconds.
    /// (Later requests on a kept-alive connection fall under the idle timeout.)
    public var headerTimeoutS: Double = 10
    /// A request's body must be complete this long after its head, seconds.
    public var bodyTimeoutS: Double = 30
    /// Connections held at once. At the cap a new connection closes the one idle the longest (as
    /// nginx reuses keep-alive connections when it runs out); if every connection is busy, the
    /// new one is closed.
    public var maxConnections = 4_096
    /// Live streams (`GET /v1/stream`) held at once, in all and per token; past either a stream is
    /// refused (429). At the connection cap with no connection idle, the oldest stream is closed.
    public var maxStreams = 256
    /// Live streams one token may hold at once.
    public var maxStreamsPerToken = 16
    /// Telemetry readings one token may ingest per second, sustained (`POST /v1/telemetry`; 429 past it).
    public var ingestReadingsPerS = 2_000.0
    /// Readings one token may ingest at once: ten seconds at the sustained rate, and at least a full batch (1,000).
    public var ingestBurstReadings: Double { max(1_000, 10 * ingestReadingsPerS) }

    /// The defaults.
    public init() {}

    /// Throws naming the first limit out of range (timeouts 0.1 s to 1 hour, 16 to 1,000,000 connections,
    /// streams up to half the connections, ingest 1 to 1,000,000 readings/s).
    public func validate() throws(ValidationError) {
        for (name, value) in [("--idle-timeout", idleTimeoutS), ("--header-timeout", headerTimeoutS), ("--body-timeout", bodyTimeoutS)]
        where !(0.1...3_600).contains(value) {
            throw ValidationError("\(name) must be 0.1 to 3600 seconds, found \(value)")
        }
        guard (16...1_000_000).contains(maxConnections) else {
            throw ValidationError("--max-connections must be 16 to 1000000, found \(maxConnections)")
        }
        guard (1...maxConnections / 2).contains(maxStreams) else {
            throw ValidationError("--max-streams must be 1 to half of --max-connections (\(maxConnections / 2)), found \(maxStreams)")
        }
        guard (1...maxStreams).contains(maxStreamsPerToken) else {
            throw ValidationError("--max-streams-per-token must be 1 to --max-streams (\(maxStreams)), found \(maxStreamsPerToken)")
        }
        guard ingestReadingsPerS.isFinite, (1...1_000_000).contains(ingestReadingsPerS) else {
            throw ValidationError("--ingest-rate must be 1 to 1000000 readings per second, found \(ingestReadingsPerS)")
        }
    }
}
