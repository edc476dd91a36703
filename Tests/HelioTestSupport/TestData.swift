import Foundation
@testable import HelioGrid

/// Shared, lazily parsed test inputs (real NREL files and fixtures derived from them).
public enum TestData {
    public static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    /// Unix ms of a local standard time at the Phoenix site (UTC−7).
    public static func phoenix(_ year: Int, _ month: Int, _ day: Int, hour: Int) -> Int64 {
        PlantTime(unixMinutes: CivilCalendar.daysFromEpoch(year: year, month: month, day: day) * 1440 + (hour + 7) * 60).unixMS
    }

    public static let defaultScenario: Scenario = try! ScenarioLoader.loadDefault()
    public static let phoenixPath = defaultScenario.site.weatherPath
    /// The default scenario's text with its weather file's absolute path, to be written anywhere.
    public static let defaultScenarioText: String = try! String(contentsOfFile: defaultScenario.source, encoding: .utf8)
        .replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: "weather = \"\(phoenixPath)\"")
    public static let phoenix: WeatherData = try! WeatherLoader.load(path: phoenixPath)
    public static let tucson: WeatherData = try! WeatherLoader.load(path: fixture("tucson-az-722740.epw"))

    /// Runs `scenario` with the rule-based EMS on HelioGrid's own engine (the study layer's
    /// `CampusRun` does the same through the strategy factory); the scenario must ask for `rule`.
    public static func run(_ scenario: Scenario, recordSeries: Bool) throws -> SimulationResult {
        precondition(scenario.dispatch.strategy == .rule, "TestData.run runs the rule-based EMS only")
        var strategy = RuleBasedDispatch(scenario: scenario)
        return SimulationEngine.run(scenario, inputs: try SimulationInputs.prepare(scenario), strategy: &strategy, recordSeries: recordSeries)
    }

    /// Makes a shared fixture with no ``StepCounter`` bound. A `static let` is made by the first test
    /// to touch it, inside that test's task-local values: the fixture's engine steps must not land on
    /// a counter the test bound to count its own runs.
    public static func shared<T>(_ make: () throws -> T) -> T {
        StepCounter.$current.withValue(nil) { try! make() }
    }

    /// The default campus, one year with its step series.
    public static let hybrid: SimulationResult = shared { try run(defaultScenario, recordSeries: true) }
    /// The default campus on gensets alone.
    public static let dieselOnly: SimulationResult = shared {
        var scenario = defaultScenario
        scenario.pv = nil
        scenario.battery = nil
        return try run(scenario, recordSeries: false)
    }

    /// The PVWatts reference system of the anchors in docs/validation.md.
    public static func anchorSystem(tracking: PVConfig.Tracking) -> PVConfig {
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

    public static func annualKWh(_ config: PVConfig, _ weather: WeatherData, stepMinutes: Int = 60) -> Double {
        PVSystemModel(config: config).acPowerKW(weather: weather, stepMinutes: stepMinutes).reduce(0, +) * Double(stepMinutes) / 60
    }

    /// A scenario from TOML text whose relative paths resolve against the default scenario's folder.
    public static func scenario(_ toml: String) throws -> Scenario {
        let folder = URL(fileURLWithPath: phoenixPath).deletingLastPathComponent().path
        return try ScenarioLoader.parse(text: toml, file: "test.toml", baseDirectory: folder)
    }
}

extension TestData {
    public static let phoenixText: String = try! String(contentsOfFile: phoenixPath, encoding: .utf8)
    public static var phoenixHeaderLine: String {
        String(phoenixText.split(separator: "\n", maxSplits: 2)[1])
    }
}

extension TestData {
    /// The default campus made to grow over an 8-year project: 5,000 H100 GPUs in year 1, 10,000 from
    /// year 3, refreshed to B200 in year 6; half the default plant on day one, with `expansions`
    /// (TOML `[[expansions]]` tables) appended.
    public static func growingCampusText(expansions: String = "", projectYears: Int = 8) -> String {
        defaultScenarioText
            .replacingOccurrences(of: "gpus = 10000\n", with: "gpus = 5000\n")
            .replacingOccurrences(of: "years = 1 ", with: "# years = 1 ")
            .replacingOccurrences(of: "[load.cooling]", with: """
                [[load.phases]]
                year = 3
                gpus = 10000

                [[load.phases]]
                year = 6
                generation = "b200"

                [load.cooling]
                """)
            .replacingOccurrences(of: "dc_kw = 60000.0", with: "dc_kw = 30000.0")
            .replacingOccurrences(of: "energy_kwh = 200000.0", with: "energy_kwh = 100000.0")
            .replacingOccurrences(of: "power_kw = 50000.0", with: "power_kw = 25000.0")
            .replacingOccurrences(of: "units = 10\n", with: "units = 6\n")
            .replacingOccurrences(of: "project_years = 20", with: "project_years = \(projectYears)")
            .replacingOccurrences(of: "[dispatch]", with: expansions + "\n[dispatch]")
    }

    /// Two expansions for ``growingCampusText(expansions:projectYears:)``: in years 3 and 6, each as
    /// much PV, battery and 4 more gensets.
    public static let growingCampusExpansions = """
        [[expansions]]
        year = 3
        pv_kw = 30000.0
        battery_kwh = 100000.0
        battery_kw = 25000.0
        diesel_units = 4

        [[expansions]]
        year = 6
        pv_kw = 30000.0
        battery_kwh = 100000.0
        battery_kw = 25000.0
        diesel_units = 4

        """
}
