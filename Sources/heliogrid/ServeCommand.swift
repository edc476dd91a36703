import Foundation
import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioServer
import Hummingbird
import NIOCore

/// `heliogrid serve [SCENARIO] [--plant simulated|modbus] [--dispatch rule|load-following|cycle-charging|mpc] [--speed N] [--db PATH] [--port P] [--interval S]`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the live EMS: control loop, HTTP API, dashboard and SQLite record.")

    @Argument(help: "Scenario TOML file; the embedded desert-10k scenario when omitted.")
    var scenario: String?
    @Option(help: "Plant adapter: simulated (the simulator in real time or faster) or modbus ([modbus] in the scenario).")
    var plant = PlantKind.simulated
    @OptionGroup var dispatchOption: DispatchOption
    @Option(help: "Simulated plant speed: plant seconds per wall second (60 runs an hour a minute).")
    var speed = 1.0
    @Option(help: "Simulated plant: when its clock starts (ISO 8601 with offset, e.g. 2026-07-15T20:00:00-07:00); default now. A resumed database keeps its own clock.")
    var start: String?
    @Option(help: "SQLite database (WAL); created if missing, resumed from if present.")
    var db = "heliogrid.sqlite"
    @Option(help: "TCP port to listen on.")
    var port = 8080
    @Option(help: "Host address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "Control interval, wall seconds.")
    var interval = 1.0
    @Option(help: "Hours of plant time raw telemetry is kept before it is rolled into minute means.")
    var rawRetentionHours = 24.0
    @Option(help: "Days of plant time minute means are kept.")
    var minuteRetentionDays = 400.0
    @Option(help: "Seconds a connection with no request under way is kept open.")
    var idleTimeout = ServerLimits().idleTimeoutS
    @Option(help: "Seconds a new connection has to send its first request head.")
    var headerTimeout = ServerLimits().headerTimeoutS
    @Option(help: "Seconds a request has to send its body after its head.")
    var bodyTimeout = ServerLimits().bodyTimeoutS
    @Option(help: "Connections held at once; at the cap a new one closes the longest-idle one.")
    var maxConnections = ServerLimits().maxConnections

    func run() async throws {
        do {
            var loaded = try scenario.map(ScenarioLoader.load(path:)) ?? ScenarioLoader.loadDefault()
            try dispatchOption.apply(to: &loaded, allowed: StrategyFactory.liveStrategies)
            guard (0.01...60).contains(interval) else { throw HelioError(.usage, "--interval must be 0.01 to 60 seconds, found \(interval)") }
            guard (0.1...100_000).contains(speed) else { throw HelioError(.usage, "--speed must be 0.1 to 100000, found \(speed)") }
            guard (1...65_535).contains(port) else { throw HelioError(.usage, "--port must be 1 to 65535, found \(port)") }
            let limits = try serverLimits()
            do {
                _ = try SocketAddress.makeAddressResolvingHost(host, port: port)
            } catch {
                throw HelioError(.usage, "--host '\(host)' is not an address of this machine: \(error)")
            }
            guard rawRetentionHours > 0, minuteRetentionDays * 24 >= rawRetentionHours else {
                throw HelioError(.usage, "--raw-retention-hours must be above 0 and within --minute-retention-days")
            }
            let server: EMSServer
            switch plant {
            case .simulated:
                var startMS = Int64(Date().timeIntervalSince1970 * 1000)
                if let start {
                    guard let stamp = ISOTimestamp(Substring(start)) else {
                        throw HelioError(.usage, "--start '\(start)' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS±HH:MM)")
                    }
                    startMS = PlantTime(unixMinutes: stamp.utcMinutes).unixMS
                }
                server = try EMSServer.simulated(scenario: loaded, databasePath: db, speed: speed, intervalSeconds: interval, wallClockMS: startMS)
            case .modbus:
                server = try EMSServer.modbus(scenario: loaded, databasePath: db, intervalSeconds: interval)
            }
            await server.loop.setRetention(rawHours: rawRetentionHours, minuteDays: minuteRetentionDays)
            FileDescriptorLimit.raiseToHardLimit()
            print("heliogrid serve: \(plant.rawValue) plant, http://\(host):\(port)/ (database \(db))")
            do {
                try await server.application(host: host, port: port, limits: limits).runService()
            } catch let error as IOError {
                throw HelioError(.io, "cannot listen on \(host):\(port): \(error)")
            }
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        } catch let error as StoreError {
            throw HelioGridCommand.fail(HelioError(.usage, error.message, file: db))
        }
    }

    /// The connection limits from the options.
    private func serverLimits() throws -> ServerLimits {
        var limits = ServerLimits()
        limits.idleTimeoutS = idleTimeout
        limits.headerTimeoutS = headerTimeout
        limits.bodyTimeoutS = bodyTimeout
        limits.maxConnections = maxConnections
        do throws(HelioServer.ValidationError) { try limits.validate() } catch { throw HelioError(.usage, error.message) }
        return limits
    }
}
