import Foundation
@testable import HelioGrid

/// Shared, lazily parsed test inputs (real NREL files and fixtures derived from them).
enum TestData {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    static let defaultScenario: Scenario = try! ScenarioLoader.loadDefault()
    static let phoenixPath = defaultScenario.site.weatherPath
    static let phoenix: WeatherData = try! WeatherLoader.load(path: phoenixPath)
    static let tucson: WeatherData = try! WeatherLoader.load(path: fixture("tucson-az-722740.epw"))

    /// The PVWatts reference system of the anchors in docs/validation.md.
    static func anchorSystem(tracking: PVConfig.Tracking) -> PVConfig {
        var config = PVConfig(dcKW: 1000)
        config.dcACRatio = 1.2
        config.lossesPercent = 14.08
        config.inverterEfficiency = 0.96
        config.gcr = 0.4
        config.tracking = tracking
        config.tiltDeg = tracking == .fixed ? 25 : 0
        config.azimuthDeg = 180
        config.maxAngleDeg = 45
        config.backtrack = true
        return config
    }

    static func annualKWh(_ config: PVConfig, _ weather: WeatherData, stepMinutes: Int = 60) -> Double {
        PVSystemModel(config: config).acPowerKW(weather: weather, stepMinutes: stepMinutes).reduce(0, +) * Double(stepMinutes) / 60
    }

    /// A scenario from TOML text whose relative paths resolve against the default scenario's folder.
    static func scenario(_ toml: String) throws -> Scenario {
        let folder = URL(fileURLWithPath: phoenixPath).deletingLastPathComponent().path
        return try ScenarioLoader.parse(text: toml, file: "test.toml", baseDirectory: folder)
    }
}

extension TestData {
    static let phoenixText: String = try! String(contentsOfFile: phoenixPath, encoding: .utf8)
    static var phoenixHeaderLine: String {
        String(phoenixText.split(separator: "\n", maxSplits: 2)[1])
    }
}
