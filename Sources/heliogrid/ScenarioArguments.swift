import ArgumentParser
import Foundation
import HelioGrid

/// The scenario file and the overrides `simulate` and `compare` share, validated like the file's own keys.
struct ScenarioArguments: ParsableArguments {
    @Argument(help: "Scenario TOML file; the embedded desert-10k scenario when omitted.")
    var scenario: String?
    @Option(help: "Step in minutes: 60, 30, 15, 5 or 1 (overrides [site] timestep_minutes).")
    var timestep: Int?
    @Option(help: "Years to simulate, 1 to 50 (overrides [site] years).")
    var years: Int?

    /// Loads the scenario (or the embedded default) and applies the overrides.
    func load() throws -> Scenario {
        var loaded = try Self.load(scenario)
        if let timestep {
            guard TimeAxis.supportedStepMinutes.contains(timestep) else {
                throw HelioError(.usage, "--timestep must be 60, 30, 15, 5 or 1, found \(timestep)")
            }
            loaded.site.timestepMinutes = timestep
        }
        if let years {
            guard (1...50).contains(years) else { throw HelioError(.usage, "--years must be 1 to 50, found \(years)") }
            loaded.site.years = years
        }
        try loaded.checkStages()
        return loaded
    }

    /// The scenario at `path` (the embedded default when `nil`), with a note on stderr for each
    /// section it leaves to the defaults.
    static func load(_ path: String?) throws -> Scenario {
        let loaded = try path.map(ScenarioLoader.load(path:)) ?? ScenarioLoader.loadDefault()
        for section in loaded.omittedSections {
            FileHandle.standardError.write(Data("note: \(loaded.source) has no [\(section)] section: its defaults apply (docs/scenario.md)\(section == "economics" ? ", the reference campus's prices" : "")\n".utf8))
        }
        return loaded
    }
}
