import HTTPTypes
import Hummingbird

/// Answers a request for a known path with a method the path does not serve with 405 and an
/// `Allow` header (RFC 9110 §15.5.6), instead of the router's 404; strips the body of
/// the answer to `HEAD` (served on every `GET` path), its `Content-Length` kept (RFC 9110 §9.3.2).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = EMSRequestContext
    /// Methods served per path.
    let routes: [String: [HTTPRequest.Method]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let allowed = routes[request.uri.path] else { return try await next(request, context) }
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
