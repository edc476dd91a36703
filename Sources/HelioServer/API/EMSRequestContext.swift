import Hummingbird

/// The request context of the EMS API: Hummingbird's core context plus the scope of the caller's
/// bearer token, set by ``BearerAuthMiddleware``.
public struct EMSRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The scope of the token presented, once checked.
    public var scope: TokenScope?

    public init(source: Source) {
        coreContext = .init(source: source)
        scope = nil
    }

    /// Request bodies above 64 KiB are refused (413).
    public var maxUploadSize: Int { 64 * 1024 }
}
