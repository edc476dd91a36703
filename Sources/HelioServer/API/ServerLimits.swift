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

    /// The defaults.
    public init() {}

    /// Throws naming the first limit out of range (timeouts 0.1 s to 1 hour, 16 to 1,000,000 connections).
    public func validate() throws(ValidationError) {
        for (name, value) in [("--idle-timeout", idleTimeoutS), ("--header-timeout", headerTimeoutS), ("--body-timeout", bodyTimeoutS)]
        where !(0.1...3_600).contains(value) {
            throw ValidationError("\(name) must be 0.1 to 3600 seconds, found \(value)")
        }
        guard (16...1_000_000).contains(maxConnections) else {
            throw ValidationError("--max-connections must be 16 to 1000000, found \(maxConnections)")
        }
    }
}
