import Foundation
import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioServer
import Hummingbird
import HummingbirdTLS
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
    @Option(help: "Telemetry rows kept at most (about 100 bytes each); past it the oldest go, checked once per plant hour.")
    var maxTelemetryRows = TelemetryRetention().maxRows
    @Option(help: "Seconds a connection with no request under way is kept open.")
    var idleTimeout = ServerLimits().idleTimeoutS
    @Option(help: "Seconds a new connection has to send its first request head.")
    var headerTimeout = ServerLimits().headerTimeoutS
    @Option(help: "Seconds a request has to send its body after its head.")
    var bodyTimeout = ServerLimits().bodyTimeoutS
    @Option(help: "Connections held at once; at the cap a new one closes the longest-idle one, else the oldest live stream.")
    var maxConnections = ServerLimits().maxConnections
    @Option(help: "Live streams held at once (default: 256, or a quarter of --max-connections if less; at most half of it).")
    var maxStreams: Int?
    @Option(help: "Live streams one token may hold at once (default: 16, at most --max-streams).")
    var maxStreamsPerToken: Int?
    @Option(help: "Telemetry readings one token may ingest per second, sustained (bursts of ten seconds' worth).")
    var ingestRate = ServerLimits().ingestReadingsPerS
    @Flag(help: "Run the control loop's thread under Linux's real-time round-robin policy (root or CAP_SYS_NICE), ahead of every other thread of a busy machine.")
    var realtime = false
    @Option(help: "PEM certificate chain to serve HTTPS with (with --tls-key).")
    var tlsCert: String?
    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    func run() async throws {
        do {
            var loaded = try scenario.map(ScenarioLoader.load(path:)) ?? ScenarioLoader.loadDefault()
            try dispatchOption.apply(to: &loaded, allowed: StrategyFactory.liveStrategies)
            try loaded.requireFixedCampus(for: "serve")
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
            guard maxTelemetryRows >= 10_000 else { throw HelioError(.usage, "--max-telemetry-rows must be at least 10000, found \(maxTelemetryRows)") }
            let tls = try tlsConfiguration()
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
                server = try EMSServer.simulated(scenario: loaded, databasePath: db, speed: speed, intervalSeconds: interval, wallClockMS: startMS,
                                                 realtime: realtime)
            case .modbus:
                server = try EMSServer.modbus(scenario: loaded, databasePath: db, intervalSeconds: interval, realtime: realtime)
            }
            await server.loop.setRetention(TelemetryRetention(rawHours: rawRetentionHours, minuteDays: minuteRetentionDays, maxRows: maxTelemetryRows))
            FileDescriptorLimit.raiseToHardLimit()
            // Written unbuffered: an operator (or a supervisor's log) sees the banner while the service runs.
            var banner = "heliogrid serve: \(plant.rawValue) plant, \(tls == nil ? "http" : "https")://\(host):\(port)/ (database \(db))\n"
            if tls == nil && !Self.isLoopback(host) {
                banner += "heliogrid serve: warning: listening on \(host) without TLS: bearer tokens cross the network in clear; give "
                    + "--tls-cert and --tls-key or put a TLS reverse proxy in front (docs/guide.md)\n"
            }
            if realtime && !server.loop.executor.isRealtime {
                banner += "heliogrid serve: warning: --realtime refused (needs root or CAP_SYS_NICE); the control loop runs at normal priority\n"
            }
            FileHandle.standardOutput.write(Data(banner.utf8))
            do {
                try await server.application(host: host, port: port, limits: limits, tls: tls).runService()
            } catch let error as IOError {
                throw HelioError(.io, "cannot listen on \(host):\(port): \(error)")
            }
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        } catch let error as StoreError {
            throw HelioGridCommand.fail(HelioError(.usage, error.message, file: db))
        }
    }

    /// The TLS configuration of `--tls-cert` and `--tls-key` (both or neither).
    private func tlsConfiguration() throws -> TLSConfiguration? {
        switch (tlsCert, tlsKey) {
        case (nil, nil): return nil
        case let (cert?, key?): return try TLSFiles.configuration(certificate: cert, key: key)
        default: throw HelioError(.usage, "--tls-cert and --tls-key go together")
        }
    }

    /// Whether `host` is a loopback address or name (`127.0.0.0/8`, `::1`, `localhost`).
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The connection limits from the options.
    private func serverLimits() throws -> ServerLimits {
        var limits = ServerLimits()
        limits.idleTimeoutS = idleTimeout
        limits.headerTimeoutS = headerTimeout
        limits.bodyTimeoutS = bodyTimeout
        limits.maxConnections = maxConnections
        limits.maxStreams = maxStreams ?? min(limits.maxStreams, max(1, maxConnections / 4))
        limits.maxStreamsPerToken = maxStreamsPerToken ?? min(limits.maxStreamsPerToken, limits.maxStreams)
        limits.ingestReadingsPerS = ingestRate
        do throws(HelioServer.ValidationError) { try limits.validate() } catch { throw HelioError(.usage, error.message) }
        return limits
    }
}
