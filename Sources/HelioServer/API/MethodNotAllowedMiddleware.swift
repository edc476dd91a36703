import HTTPTypes
import Hummingbird

/// Answers a request for a known path with a method the path does not serve with 405 and an
/// `Allow` header (RFC 9110 §15.5.6), instead of the router's 404; strips the body of
/// the answer to `HEAD` (served on every `GET` path), its `Content-Length` kept (RFC 9110 §9.3.2).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = EMSRequestContext
    /// Methods served per path (every `GET` path also serves `HEAD`).
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let served = routes.methods(at: request.uri.path) else { return try await next(request, context) }
        let allowed = served.filter { $0 != .head }.sorted { $0.rawValue < $1.rawValue }
        if request.method == .head, allowed.contains(.get) {
            var response = try await next(request, context)
            // The length the GET answer has; no byte of it is written.
            response.body = ResponseBody(contentLength: response.body.contentLength) { _ in }
            return response
        }
        guard allowed.contains(request.method) else {
            throw HTTPError(.methodNotAllowed, headers: [.allow: (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")],
                            message: "\(request.method.rawValue) is not served at \(request.uri.path)")
        }
        return try await next(request, context)
    }
}
