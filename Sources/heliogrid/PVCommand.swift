import ArgumentParser
import Foundation
import HelioGrid
import HelioReport

/// `heliogrid pv`: the PV model alone on a weather file (docs/output-contract.md, "pv --out"). Every
/// option not given takes the default a scenario's `[pv]` section takes (docs/scenario.md).
struct PVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pv", abstract: "Run the PV model alone: the monthly table PVWatts prints (POA radiation, AC energy) and the year.")

    @Option(help: "Weather file (TMY3, EPW, NSRDB PSM3/PSM4 CSV, PVGIS TMY CSV/JSON).")
    var weather: String
    @Option(help: "fixed or single-axis (default single-axis, as in [pv]).")
    var tracking: String?
    @Option(help: "Module tilt (fixed, default 20) or axis tilt (single-axis, default 0), degrees.")
    var tilt: Double?
    @Option(help: "Module azimuth (fixed) or axis azimuth (single-axis), degrees from north (default 180).")
    var azimuth: Double?
    @Option(name: .customLong("dc-kw"), help: "DC nameplate, kW.")
    var dcKW: Double = 1000
    @Option(name: .customLong("dc-ac-ratio"), help: "DC-to-AC ratio (default 1.25).")
    var dcACRatio: Double?
    @Option(help: "System losses, percent (default 14.08).")
    var losses: Double?
    @Option(help: "Ground coverage ratio, single-axis backtracking (default 0.4).")
    var gcr: Double?
    @Option(name: .customLong("max-angle"), help: "Tracker rotation limit, degrees (default 60).")
    var maxAngle: Double?
    @Option(help: "Simulation step, minutes (60, 30, 15, 5 or 1).")
    var timestep: Int = 60
    @Option(help: "Write timestamp,ac_kw rows to this CSV file.")
    var out: String?
    @Option(help: "Calendar year --out's rows are stamped with (default 2026, as a scenario's [carbon] first_year and its steps.csv).")
    var year: Int = CarbonConfig().firstYear
    @Flag(help: "Print the system, the monthly table and the year as JSON instead of text.")
    var json = false

    func run() throws {
        try HelioGridCommand.guarded {
            let years = CarbonConfig.firstYearRange
            guard years.contains(year) else { throw HelioError(.usage, "--year must be \(years.lowerBound) to \(years.upperBound), found \(year)") }
            let config = try pvConfig()
            let data = try WeatherLoader.load(path: weather)
            let started = ContinuousClock.now
            let modelled = PVSystemModel(config: config).year(weather: data, stepMinutes: timestep)
            let elapsed = ContinuousClock.now - started
            let axis = TimeAxis(stepMinutes: timestep, utcOffsetMinutes: data.location.utcOffsetMinutes)
            if let out {
                try OutputFiles.write(PVSeriesCSV.render(acKW: modelled.acKW, axis: axis, firstYear: year), to: out)
            }
            let table = PVMonthlyTable(acKW: modelled.acKW, poaWM2: modelled.poaWM2, axis: axis)
            if json {
                print(try Self.json(config: config, weather: data, table: table))
                return
            }
            print("\(data.location.name) (\(data.format.rawValue), \(String(format: "%.3f", data.location.latitudeDeg)), \(String(format: "%.3f", data.location.longitudeDeg)))")
            print("\(config.tracking.rawValue), tilt \(config.tiltDeg)°, azimuth \(config.azimuthDeg)°, \(config.dcKW) kW DC, DC/AC \(config.dcACRatio), losses \(config.lossesPercent) %\n")
            print(table.render())
            print("annual AC energy: \(String(format: "%.0f", table.annualACKWh)) kWh  (\(String(format: "%.0f", table.annualACKWh / config.dcKW)) kWh/kWdc, model \(String(format: "%.1f", elapsed.milliseconds)) ms)")
        }
    }

    private static func json(config: PVConfig, weather: WeatherData, table: PVMonthlyTable) throws -> String {
        var object = table.jsonObject
        object["system"] = ["tracking": config.tracking.rawValue, "tilt_deg": config.tiltDeg, "azimuth_deg": config.azimuthDeg,
                            "dc_kw": config.dcKW, "dc_ac_ratio": config.dcACRatio, "losses_percent": config.lossesPercent,
                            "gcr": config.gcr, "max_angle_deg": config.maxAngleDeg] as [String: Any]
        object["site"] = ["name": weather.location.name, "format": weather.format.rawValue,
                          "latitude_deg": weather.location.latitudeDeg, "longitude_deg": weather.location.longitudeDeg] as [String: Any]
        object["kwh_per_kwdc"] = table.annualACKWh / config.dcKW
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
    }

    private func pvConfig() throws -> PVConfig {
        var config = PVConfig(dcKW: dcKW)
        if let tracking {
            guard let mode = PVConfig.Tracking(rawValue: tracking) else {
                throw HelioError(.usage, "--tracking must be fixed or single-axis, found '\(tracking)'")
            }
            config.tracking = mode
        }
        config.tiltDeg = tilt ?? PVConfig.defaultTiltDeg(config.tracking)
        config.azimuthDeg = azimuth ?? config.azimuthDeg
        config.dcACRatio = dcACRatio ?? config.dcACRatio
        config.lossesPercent = losses ?? config.lossesPercent
        config.gcr = gcr ?? config.gcr
        config.maxAngleDeg = maxAngle ?? config.maxAngleDeg
        let checks: [(String, Double, ClosedRange<Double>)] = [
            ("--tilt", config.tiltDeg, 0...90), ("--azimuth", config.azimuthDeg, 0...360), ("--dc-kw", dcKW, 1e-6...1e9),
            ("--dc-ac-ratio", config.dcACRatio, 0.5...3), ("--losses", config.lossesPercent, 0...99), ("--gcr", config.gcr, 0.01...0.99),
            ("--max-angle", config.maxAngleDeg, 0...90),
        ]
        for (name, value, range) in checks where !range.contains(value) {
            throw HelioError(.usage, "\(name) \(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        guard TimeAxis.supportedStepMinutes.contains(timestep) else {
            throw HelioError(.usage, "--timestep must be 60, 30, 15, 5 or 1")
        }
        return config
    }
}
