import HTTPTypes
import Hummingbird

/// Answers a request for a known path with a method the path does not serve with 405 and an
/// `Allow` header (RFC 9110 §15.5.6), instead of the router's 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = EMSRequestContext
    /// Methods served per path.
    let routes: [String: [HTTPRequest.Method]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let allowed = routes[request.uri.path], !allowed.contains(request.method), request.method != .head || !allowed.contains(.get) {
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")],
                            message: "\(request.method.rawValue) is not served at \(request.uri.path)")
        }
        return try await next(request, context)
    }
}
