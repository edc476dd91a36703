import Hummingbird

extension RouterMethods {
    /// Serves `path` to `GET` and to `HEAD` with the same handler (the ``MethodNotAllowedMiddleware``
    /// strips the body of a `HEAD` answer; RFC 9110 §9.3.2).
    @discardableResult
    func getAndHead(_ path: RouterPath, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(path, method: .head, use: handler)
        return on(path, method: .get, use: handler)
    }
}
