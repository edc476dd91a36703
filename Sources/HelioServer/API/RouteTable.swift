import HTTPTypes
import Hummingbird
import Synchronization

/// The methods each path serves, read off the router once every controller has added its routes
/// (Hummingbird's `Router.routes`), so no list is kept by hand: ``MethodNotAllowedMiddleware``
/// answers by it, the OpenAPI test compares it with the document.
final class RouteTable: Sendable {
    private let methods = Mutex<[String: [HTTPRequest.Method]]>([:])

    /// Takes the routes of `router`.
    func fill(from router: Router<EMSRequestContext>) {
        let routes = router.routes
        methods.withLock { table in
            table = Dictionary(grouping: routes, by: { $0.path.description }).mapValues { $0.map(\.method) }
        }
    }

    /// The methods `path` serves (`nil`: not a path of the service).
    func methods(at path: String) -> [HTTPRequest.Method]? {
        methods.withLock { $0[path] }
    }

    /// Every route as `METHOD /path`.
    var all: Set<String> {
        methods.withLock { table in Set(table.flatMap { path, methods in methods.map { "\($0.rawValue) \(path)" } }) }
    }
}
