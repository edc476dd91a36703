import ArgumentParser
import Foundation
import HelioGrid
import HelioReport

/// `heliogrid pv`: the PV model alone on a weather file (docs/output-contract.md, "pv --out").
struct PVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pv", abstract: "Run the PV model alone and print annual AC energy.")

    @Option(help: "Weather file (TMY3, EPW, NSRDB PSM3/PSM4 CSV, PVGIS TMY CSV/JSON).")
    var weather: String
    @Option(help: "fixed or single-axis.")
    var tracking: String = "fixed"
    @Option(help: "Module tilt (fixed, default 25) or axis tilt (single-axis, default 0), degrees.")
    var tilt: Double?
    @Option(help: "Module azimuth (fixed) or axis azimuth (single-axis), degrees from north.")
    var azimuth: Double = 180
    @Option(name: .customLong("dc-kw"), help: "DC nameplate, kW.")
    var dcKW: Double = 1000
    @Option(name: .customLong("dc-ac-ratio"), help: "DC-to-AC ratio.")
    var dcACRatio: Double = 1.2
    @Option(help: "System losses, percent.")
    var losses: Double = 14.08
    @Option(help: "Ground coverage ratio (single-axis backtracking).")
    var gcr: Double = 0.4
    @Option(name: .customLong("max-angle"), help: "Tracker rotation limit, degrees.")
    var maxAngle: Double = 45
    @Option(help: "Simulation step, minutes (60, 30, 15, 5 or 1).")
    var timestep: Int = 60
    @Option(help: "Write timestamp,ac_kw rows to this CSV file.")
    var out: String?

    func run() throws {
        try HelioGridCommand.guarded {
            let config = try pvConfig()
            let data = try WeatherLoader.load(path: weather)
            let started = ContinuousClock.now
            let acKW = PVSystemModel(config: config).acPowerKW(weather: data, stepMinutes: timestep)
            let elapsed = ContinuousClock.now - started
            let axis = TimeAxis(stepMinutes: timestep, utcOffsetMinutes: data.location.utcOffsetMinutes)
            if let out {
                try OutputFiles.write(PVSeriesCSV.render(acKW: acKW, axis: axis), to: out)
            }
            let annualKWh = acKW.reduce(0, +) * axis.stepHours
            print("\(data.location.name) (\(data.format.rawValue), \(String(format: "%.3f", data.location.latitudeDeg)), \(String(format: "%.3f", data.location.longitudeDeg)))")
            print("\(config.tracking.rawValue), tilt \(config.tiltDeg)°, azimuth \(config.azimuthDeg)°, \(config.dcKW) kW DC, DC/AC \(config.dcACRatio)")
            print("annual AC energy: \(String(format: "%.0f", annualKWh)) kWh  (\(String(format: "%.0f", annualKWh / config.dcKW)) kWh/kWdc, model \(String(format: "%.1f", elapsed.milliseconds)) ms)")
        }
    }

    private func pvConfig() throws -> PVConfig {
        guard let mode = PVConfig.Tracking(rawValue: tracking) else {
            throw HelioError(.usage, "--tracking must be fixed or single-axis, found '\(tracking)'")
        }
        let checks: [(String, Double, ClosedRange<Double>)] = [
            ("--tilt", tilt ?? 0, 0...90), ("--azimuth", azimuth, 0...360), ("--dc-kw", dcKW, 1e-6...1e9),
            ("--dc-ac-ratio", dcACRatio, 0.5...3), ("--losses", losses, 0...99), ("--gcr", gcr, 0.01...0.99),
            ("--max-angle", maxAngle, 0...90),
        ]
        for (name, value, range) in checks where !range.contains(value) {
            throw HelioError(.usage, "\(name) \(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        guard TimeAxis.supportedStepMinutes.contains(timestep) else {
            throw HelioError(.usage, "--timestep must be 60, 30, 15, 5 or 1")
        }
        var config = PVConfig(dcKW: dcKW)
        config.tracking = mode
        config.tiltDeg = tilt ?? (mode == .fixed ? 25 : 0)
        config.azimuthDeg = azimuth
        config.dcACRatio = dcACRatio
        config.lossesPercent = losses
        config.gcr = gcr
        config.maxAngleDeg = maxAngle
        config.backtrack = true
        return config
    }
}
