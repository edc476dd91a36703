import Foundation
import HTTPTypes
import Hummingbird

/// Bearer-token authentication (RFC 6750) for every path under a group: no or unknown token → 401
/// with `WWW-Authenticate: Bearer`; a token whose scope is too small → 403. GET and HEAD need
/// `read`; every other method changes something and needs `control`. The scheme name is matched
/// without regard to case (RFC 9110 §11.1).
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = EMSRequestContext
    let store: EMSStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw Self.unauthorized("missing bearer token (Authorization: Bearer <token>)")
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard token.count <= 128, let scope = try await store.scope(ofToken: token) else { throw Self.unauthorized("unknown token") }
        let required: TokenScope = request.method == .get || request.method == .head ? .read : .control
        guard scope.allows(required) else {
            throw HTTPError(.forbidden, message: "this token has the \(scope.rawValue) scope; \(required.rawValue) is needed")
        }
        var context = context
        context.scope = scope
        context.tokenHash = EMSStore.hash(token)
        return try await next(request, context)
    }

    static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"heliogrid\""], message: message)
    }
}
