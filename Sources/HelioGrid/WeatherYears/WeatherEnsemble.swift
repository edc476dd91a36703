import Foundation

/// The weather years an ensemble runs over (docs/weather.md): the files `[site] weather` lists,
/// one year each, or the years `[weather.synthetic]` (or `--years`) generates from the site's one
/// typical year. Each member is read or generated when asked for, so a thousand years need not sit
/// in memory at once, and any member can be made alone (a shard of the ensemble).
public struct WeatherEnsemble: Sendable {
    /// Where the members come from.
    public enum Members: Sendable {
        /// One weather file per member, in the listed order.
        case files([String])
        /// Generated years.
        case synthetic(SyntheticWeather)
    }

    /// The members' source.
    public let members: Members
    /// The first member's site: every file must describe the same place and time base.
    public let location: SiteLocation

    /// Largest difference of latitude or longitude between files of one ensemble, degrees: a
    /// station and the satellite cell around it differ by a few hundredths; a neighbouring city by more.
    public static let sameSiteToleranceDeg = 0.25

    /// The ensemble of `scenario`: its `[weather.synthetic]` years (`years` and `seed` override its
    /// count and seed; `years` alone generates years with the defaults from a scenario without the
    /// section), else its weather files, which must be at least two.
    public init(scenario: Scenario, years: Int? = nil, seed: Int? = nil) throws {
        let paths = scenario.site.weatherPaths
        guard scenario.site.weatherYears == .ensemble else {
            throw HelioError(.scenario, "weather_years = \"consecutive\" runs the files as one project's years; an ensemble takes them as "
                             + "alternatives: set weather_years = \"ensemble\"", file: scenario.source, key: "site.weather_years")
        }
        var synthetic = scenario.syntheticWeather
        if let years {
            guard paths.count == 1 else {
                throw HelioError(.usage, "--years sets the number of synthetic years, generated from one typical year; "
                                 + "[site] weather lists \(paths.count) files: run them without --years", file: scenario.source)
            }
            guard (2...100_000).contains(years) else { throw HelioError(.usage, "--years must be 2 to 100,000, found \(years)") }
            synthetic = synthetic ?? SyntheticWeatherConfig(years: years)
            synthetic?.years = years
        }
        if let seed {
            guard synthetic != nil else {
                throw HelioError(.usage, "--seed seeds synthetic years; this ensemble is the \(paths.count) files [site] weather lists",
                                 file: scenario.source)
            }
            synthetic?.seed = seed
        }
        let first = try WeatherLoader.load(path: paths[0])
        location = first.location
        if let synthetic {
            members = .synthetic(try SyntheticWeather(source: first, config: synthetic))
            return
        }
        guard paths.count >= 2 else {
            throw HelioError(.scenario, "an ensemble needs several weather years: list one file per year in [site] weather "
                             + "(a glob such as \"psm3/*.csv\" works), add [weather.synthetic], or give --years N",
                             file: scenario.source, key: "site.weather")
        }
        members = .files(paths)
    }

    /// Whether `scenario` defines an ensemble: `[weather.synthetic]`, or several files taken as
    /// alternative years.
    public static func isDefined(by scenario: Scenario) -> Bool {
        scenario.syntheticWeather != nil || (scenario.site.weatherPaths.count >= 2 && scenario.site.weatherYears == .ensemble)
    }

    /// Number of members.
    public var count: Int {
        switch members {
        case .files(let paths): return paths.count
        case .synthetic(let generator): return generator.config.years
        }
    }

    /// A short name of member `index`: the file's name, or `synthetic N`.
    public func label(_ index: Int) -> String {
        switch members {
        case .files(let paths): return URL(fileURLWithPath: paths[index]).lastPathComponent
        case .synthetic: return "synthetic \(index + 1)"
        }
    }

    /// The weather of member `index`; a file whose site lies elsewhere than the first's, or whose
    /// time base differs, is an error naming it.
    public func weather(_ index: Int) throws -> WeatherData {
        switch members {
        case .synthetic(let generator):
            return generator.year(index)
        case .files(let paths):
            let weather = try WeatherLoader.load(path: paths[index])
            try Self.checkSameSite(weather, as: location)
            return weather
        }
    }

    /// Refuses `weather` when its site lies more than ``sameSiteToleranceDeg`` from `location` or its
    /// time base differs, naming its file.
    static func checkSameSite(_ weather: WeatherData, as location: SiteLocation) throws {
        let here = weather.location
        guard abs(here.latitudeDeg - location.latitudeDeg) <= Self.sameSiteToleranceDeg,
              abs(here.longitudeDeg - location.longitudeDeg) <= Self.sameSiteToleranceDeg else {
            throw HelioError(.weather, "this year's site (\(here.latitudeDeg)°, \(here.longitudeDeg)°) is not the first file's "
                             + "(\(location.latitudeDeg)°, \(location.longitudeDeg)°): the years of one ensemble must describe one place "
                             + "(within \(Self.sameSiteToleranceDeg)°)", file: weather.source)
        }
        guard here.utcOffsetMinutes == location.utcOffsetMinutes else {
            throw HelioError(.weather, "this year's time base is UTC\(here.utcOffsetMinutes / 60 >= 0 ? "+" : "")\(here.utcOffsetMinutes / 60), "
                             + "the first file's UTC\(location.utcOffsetMinutes / 60 >= 0 ? "+" : "")\(location.utcOffsetMinutes / 60)",
                             file: weather.source)
        }
    }
}
