import Foundation

/// `[site]`: the campus name, its weather file and the simulation clock.
public struct SiteConfig: Sendable, Equatable {
    /// Display name.
    public var name: String
    /// Absolute paths of the weather files, one year each (resolved against the scenario's folder,
    /// globs expanded in name order): `[site] weather` as a path, a glob, or a list of either.
    public var weatherPaths: [String]
    /// The first weather file: the year a single run (`simulate`, `serve`, `compare`) uses; an
    /// ensemble (`heliogrid ensemble`, `[size] ensemble_years`) uses them all.
    public var weatherPath: String {
        get { weatherPaths[0] }
        set { weatherPaths = [newValue] }
    }
    /// How several weather files are used (`weather_years`).
    public var weatherYears: WeatherYears = .ensemble

    /// What several weather files are (`[site] weather_years`, docs/weather.md).
    public enum WeatherYears: String, Sendable, CaseIterable {
        /// Alternative years: a single run uses the first, an ensemble each from the same new plant.
        case ensemble
        /// The project's years in order: year k of a run has file k's weather, the plant ageing on.
        case consecutive
    }

    /// Simulation step, minutes: 60, 30, 15, 5 or 1.
    public var timestepMinutes: Int
    /// Number of years simulated (the weather year repeated, with ageing).
    public var years: Int
    /// Ambient temperature the gensets are judged firm at (N + 1, ``DesignBasis``), °C; `nil`: the
    /// weather file's highest plus ``DesignBasis/marginAboveRecordC``.
    public var designTempC: Double?

    /// Steps of one run: the weather year at `timestepMinutes`, `years` times over.
    public var runSteps: Int { TimeAxis(stepMinutes: timestepMinutes, utcOffsetMinutes: 0).stepsPerYear * years }

    /// Creates a site; see the properties for units.
    public init(name: String, weatherPath: String, timestepMinutes: Int = 60, years: Int = 1) {
        self.name = name
        weatherPaths = [weatherPath]
        self.timestepMinutes = timestepMinutes
        self.years = years
    }

    init(_ section: inout ScenarioSection, baseDirectory: String) throws {
        name = try section.string("name", default: "Unnamed campus")
        weatherPaths = try Self.weatherFiles(&section, baseDirectory: baseDirectory)
        timestepMinutes = try section.int("timestep_minutes", default: 60, in: 1...60)
        guard TimeAxis.supportedStepMinutes.contains(timestepMinutes) else {
            throw section.error("timestep_minutes", "\(timestepMinutes) is not one of 60, 30, 15, 5, 1")
        }
        weatherYears = WeatherYears(rawValue: try section.choice("weather_years", default: "ensemble",
                                                                 in: WeatherYears.allCases.map(\.rawValue)))!
        guard weatherYears == .ensemble || weatherPaths.count >= 2 else {
            throw section.error("weather_years", "consecutive years need one weather file per year; [site] weather names one")
        }
        years = try section.int("years", default: weatherYears == .consecutive ? weatherPaths.count : 1, in: 1...50)
        guard weatherYears == .ensemble || years == weatherPaths.count else {
            throw section.error("years", "\(years) years, but weather_years = \"consecutive\" runs the \(weatherPaths.count) weather files in turn: "
                                + "omit years or list one file per year")
        }
        designTempC = section.contains("design_temp_c") ? try section.double("design_temp_c", in: -60...70) : nil
        try section.finish()
    }

    /// `[site] weather`: a string or an array of strings, each a path or a glob (`*`, `?`, `[…]`)
    /// expanded in name order; a glob that matches nothing, a file named twice and an empty list are
    /// errors naming the key.
    private static func weatherFiles(_ section: inout ScenarioSection, baseDirectory: String) throws -> [String] {
        let patterns = try section.stringList("weather")
        var paths: [String] = []
        for pattern in patterns {
            let resolved = resolve(pattern, against: baseDirectory)
            guard resolved.contains(where: { "*?[".contains($0) }) else { paths.append(resolved); continue }
            let matches = FileGlob.paths(matching: resolved)
            guard !matches.isEmpty else { throw section.error("weather", "'\(pattern)' matches no file") }
            paths += matches
        }
        if let repeated = paths.indices.first(where: { paths[..<$0].contains(paths[$0]) }) {
            throw section.error("weather", "\(paths[repeated]) is listed twice")
        }
        return paths
    }

    /// `path` made absolute against `directory` when relative.
    static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardized.path
    }
}
