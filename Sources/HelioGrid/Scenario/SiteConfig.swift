import Foundation

/// `[site]`: the campus name, its weather file and the simulation clock.
public struct SiteConfig: Sendable, Equatable {
    /// Display name.
    public var name: String
    /// Absolute path of the weather file (resolved against the scenario's folder).
    public var weatherPath: String
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
        self.weatherPath = weatherPath
        self.timestepMinutes = timestepMinutes
        self.years = years
    }

    init(_ section: inout ScenarioSection, baseDirectory: String) throws {
        name = try section.string("name", default: "Unnamed campus")
        weatherPath = Self.resolve(try section.string("weather"), against: baseDirectory)
        timestepMinutes = try section.int("timestep_minutes", default: 60, in: 1...60)
        guard TimeAxis.supportedStepMinutes.contains(timestepMinutes) else {
            throw section.error("timestep_minutes", "\(timestepMinutes) is not one of 60, 30, 15, 5, 1")
        }
        years = try section.int("years", default: 1, in: 1...50)
        designTempC = section.contains("design_temp_c") ? try section.double("design_temp_c", in: -60...70) : nil
        try section.finish()
    }

    /// `path` made absolute against `directory` when relative.
    static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardized.path
    }
}
