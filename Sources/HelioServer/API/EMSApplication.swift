import Foundation
import HelioForecast
import HelioGrid
import Hummingbird
import NIOCore

/// The EMS's HTTP API on Hummingbird 2: `/v1/…` (status, history, forecasts, power budget, live
/// stream, telemetry ingest, mode and overrides), Carbon-Aware-SDK-shaped `/emissions/…`, and the
/// unauthenticated `/`, `/openapi.json` and `/metrics`. Reads need a `read` token, writes a
/// `control` token.
public struct EMSApplication: Sendable {
    /// The location name the carbon-aware endpoints answer for.
    public static let location = "campus"
    let services: EMSServices
    /// The methods each path serves, read off the router ``router()`` builds.
    let routes = RouteTable()

    /// An API over a running control loop, `weather` holding the forecasts `PUT /v1/weather-forecast`
    /// receives, `ensemble` the MPC's forecast ensemble (the forecast bands); `simulatedPlant` enables fault injection.
    public init(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay, ensemble: AnalogEnsemble? = nil, loop: ControlLoop,
                store: EMSStore, metrics: ServiceMetrics, plant: any PlantAdapter, simulatedPlant: SimulatedPlant?) {
        services = EMSServices(scenario: scenario, inputs: inputs, weather: weather, loop: loop, store: store, metrics: metrics, plant: plant,
                               simulatedPlant: simulatedPlant,
                               forwardPlanner: ForwardPlanner(scenario: scenario, inputs: inputs, weather: weather, ensemble: ensemble))
    }

    /// The router: the unauthenticated `/`, `/openapi.json` and `/metrics`, then each resource's
    /// controller under `/v1` and `/emissions` behind the bearer token; the route table is read off it.
    public func router() -> Router<EMSRequestContext> {
        let router = Router(context: EMSRequestContext.self)
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
        router.add(middleware: StoreErrorMiddleware())
        let metrics = services.metrics
        router.getAndHead("/") { _, _ in try Self.resource("dashboard.html", type: "text/html; charset=utf-8") }
        router.getAndHead("/openapi.json") { _, _ in try Self.resource("openapi.json", type: "application/json") }
        router.getAndHead("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
        let v1 = router.group("v1").add(middleware: BearerAuthMiddleware(store: services.store))
        OperatorRoutes(services: services).add(to: v1)
        HistoryRoutes(services: services).add(to: v1)
        ForecastRoutes(services: services).add(to: v1)
        JobRoutes(services: services).add(to: v1)
        EmissionsRoutes(services: services).add(to: router.group("emissions").add(middleware: BearerAuthMiddleware(store: services.store)))
        routes.fill(from: router)
        return router
    }

    /// Every route the router serves, `METHOD /path` (after ``router()``).
    public var servedRoutes: Set<String> { routes.all }

    /// Where a file of the module's resources is.
    static func resourceURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }

    /// A file of the module's resources.
    static func resource(_ name: String, type: String) throws -> Response {
        guard let url = resourceURL(name), let data = FileManager.default.contents(atPath: url.path) else {
            throw HTTPError(.internalServerError, message: "missing resource \(name)")
        }
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
