import Hummingbird

/// Database failures as answers a client can act on: a read asking for too much is a 422 saying
/// what to narrow; a read past its time limit or a failed database (a full disk, an I/O error, a
/// lock held too long) is a 503 with the reason in the JSON error body and `Retry-After`, never a
/// bare 500.
struct StoreErrorMiddleware: RouterMiddleware {
    typealias Context = EMSRequestContext
    /// Seconds a client is asked to wait before retrying.
    static let retryAfterS = 5

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StoreError where error.kind == .tooLarge {
            throw HTTPError(.unprocessableContent, message: error.message)
        } catch let error as StoreError {
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "\(Self.retryAfterS)"], message: error.message)
        }
    }
}
