import Foundation
import HelioForecast
import HelioGrid
import HelioOptimize
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// The live EMS assembled: the database, the plant adapter (resumed from the stored state), the
/// control loop and the HTTP API, ready to run as one Hummingbird application.
public struct EMSServer: Sendable {
    /// The scenario the plant is built from.
    public let scenario: Scenario
    /// The database.
    public let store: EMSStore
    /// The plant adapter.
    public let plant: any PlantAdapter
    /// The simulated plant, when that is the adapter (for fault injection).
    public let simulatedPlant: SimulatedPlant?
    /// The control loop.
    public let loop: ControlLoop
    /// The API.
    public let api: EMSApplication
    /// This process's claim to be the database's one controller.
    public let lock: ControllerLock
    /// The latest weather forecast received (`PUT /v1/weather-forecast`), restored from the database.
    public let weather: WeatherForecastOverlay

    /// Builds the service on the simulated plant at `speed` × real time, one control interval every
    /// `intervalSeconds`, the loop under the real-time policy with `realtime` (``ControlExecutor``); a
    /// database with stored state resumes from it.
    public static func simulated(scenario: Scenario, databasePath: String, speed: Double, intervalSeconds: Double,
                                 wallClockMS: Int64 = Int64(Date().timeIntervalSince1970 * 1000), realtime: Bool = false) throws -> EMSServer {
        let (inputs, weather, ensemble) = try prepare(scenario)
        let lock = try ControllerLock(databasePath: databasePath)
        let store = try EMSStore(path: databasePath)
        weather.restore(try store.weatherForecast())
        let strategy = try StrategyFactory.live(scenario, inputs: inputs, weather: weather, ensemble: ensemble)
        let resume = try store.resume()
        let startMS = resume?.plantMS ?? wallClockMS / 1000 * 1000
        let executor = ControlExecutor(realtime: realtime)
        let plant = SimulatedPlant(scenario: scenario, inputs: inputs, startMS: startMS, soc: resume?.soc, executor: executor)
        return make(scenario: scenario, inputs: inputs, weather: weather, ensemble: ensemble, strategy: strategy, lock: lock, store: store,
                    plant: plant, simulated: plant, resume: resume, intervalSeconds: intervalSeconds, plantSecondsPerTick: intervalSeconds * speed,
                    executor: executor)
    }

    /// Builds the service on the scenario's `[modbus]` equipment, one interval every `intervalSeconds`
    /// of wall time; the loop under the real-time policy with `realtime` (``ControlExecutor``).
    public static func modbus(scenario: Scenario, databasePath: String, intervalSeconds: Double, realtime: Bool = false) throws -> EMSServer {
        guard let config = scenario.modbus else {
            throw HelioError(.scenario, "--plant modbus needs a [modbus] section with the equipment's addresses", file: scenario.source, key: "modbus")
        }
        let (inputs, weather, ensemble) = try prepare(scenario)
        let lock = try ControllerLock(databasePath: databasePath)
        let store = try EMSStore(path: databasePath)
        weather.restore(try store.weatherForecast())
        let strategy = try StrategyFactory.live(scenario, inputs: inputs, weather: weather, ensemble: ensemble)
        let executor = ControlExecutor(realtime: realtime)
        let plant = ModbusPlant(config: config, executor: executor)
        return make(scenario: scenario, inputs: inputs, weather: weather, ensemble: ensemble, strategy: strategy, lock: lock, store: store, plant: plant,
                    simulated: nil, resume: try store.resume(), intervalSeconds: intervalSeconds, plantSecondsPerTick: intervalSeconds,
                    executor: executor)
    }

    /// The scenario's modelled year, an empty weather-forecast overlay for its site and PV plant, and
    /// the live MPC's forecast ensemble (``StrategyFactory/liveEnsemble(_:weather:inputs:)``).
    private static func prepare(_ scenario: Scenario) throws -> (SimulationInputs, WeatherForecastOverlay, AnalogEnsemble?) {
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        let overlay = WeatherForecastOverlay(site: weather.location, pv: scenario.pv.map { PVForecastModel(pv: $0, weather: weather) })
        let inputs = try SimulationInputs.prepare(scenario, weather: weather)
        return (inputs, overlay, try StrategyFactory.liveEnsemble(scenario, weather: weather, inputs: inputs))
    }

    /// Builds the service on any adapter, `lock` held on `store`'s database, with the strategy
    /// forecasting through `weather` (and hedging across `ensemble`, whose bands the forward plan
    /// shows); the loop runs on `executor` (the adapter's, when it has one).
    public static func make(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay, ensemble: AnalogEnsemble? = nil,
                            strategy: any DispatchStrategy,
                            lock: ControllerLock, store: EMSStore, plant: any PlantAdapter, simulated: SimulatedPlant?, resume: ResumeRecord?,
                            intervalSeconds: Double, plantSecondsPerTick: Double, executor: ControlExecutor = ControlExecutor()) -> EMSServer {
        let metrics = ServiceMetrics()
        let loop = ControlLoop(scenario: scenario, inputs: inputs, strategy: strategy, adapter: plant, store: store, metrics: metrics, intervalSeconds: intervalSeconds,
                               plantSecondsPerTick: plantSecondsPerTick, resume: resume, executor: executor)
        let api = EMSApplication(scenario: scenario, inputs: inputs, weather: weather, ensemble: ensemble, loop: loop, store: store,
                                 metrics: metrics, plant: plant, simulatedPlant: simulated)
        return EMSServer(scenario: scenario, store: store, plant: plant, simulatedPlant: simulated, loop: loop, api: api, lock: lock,
                         weather: weather)
    }

    /// The application serving the API on `host`:`port` within `limits` (over TLS with `tls`), with
    /// the control loop as a service that starts its intervals once the server listens.
    public func application(host: String = "127.0.0.1", port: Int, limits: ServerLimits = ServerLimits(), tls: TLSConfiguration? = nil,
                            logLevel: Logger.Level = .info) throws -> some ApplicationProtocol {
        var logger = Logger(label: "heliogrid.serve")
        logger.logLevel = logLevel
        let registry = ConnectionRegistry(maxConnections: limits.maxConnections, metrics: api.services.metrics)
        api.services.apply(limits)
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(limits: limits, registry: registry)],
            idleTimeout: .milliseconds(Int64(limits.idleTimeoutS * 1000)))
        let server: HTTPServerBuilder = try tls.map { try .tls(.http1(configuration: http), tlsConfiguration: $0) } ?? .http1(configuration: http)
        return Application(router: api.router(), server: server,
                           configuration: .init(address: .hostname(host, port: port), serverName: "heliogrid"),
                           services: [loop], onServerRunning: { [loop] _ in loop.serverListening() }, logger: logger)
    }
}
