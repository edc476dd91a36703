import Hummingbird
import NIOCore

/// The request context of the EMS API: Hummingbird's core context, the connection it came on, and
/// the caller's bearer token (its scope and hash), set by ``BearerAuthMiddleware``.
public struct EMSRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection (a live stream marks it, so the connection cap may close it for a new one).
    public let channel: any Channel
    /// The scope of the token presented, once checked.
    public var scope: TokenScope?
    /// The SHA-256 of the token presented, once checked: the key of per-token limits.
    public var tokenHash: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        scope = nil
        tokenHash = nil
    }

    /// Request bodies above 64 KiB are refused (413).
    public var maxUploadSize: Int { 64 * 1024 }
}
