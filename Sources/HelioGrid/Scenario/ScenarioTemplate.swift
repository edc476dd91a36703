import Foundation

/// The starting scenarios `heliogrid init` writes (docs/guide.md): commented TOML with every section a
/// user edits, beside the weather file they name.
public enum ScenarioTemplate: String, Sendable, CaseIterable {
    /// A 1 MW AI data centre off the grid (PV, battery, two gensets), prices stated.
    case small
    /// The reference 10,000-GPU desert campus (the embedded default).
    case campus
    /// A 1 MW AI data centre behind a weak grid with a tariff and a demand charge.
    case grid
    /// A campus that grows: GPU phases and a plant bought in three stages (docs/lifetime.md).
    case growing

    /// The template's TOML text.
    public func text() throws -> String {
        try String(contentsOf: try url(), encoding: .utf8)
    }

    /// The weather file every template names (`weather = "phoenix-az-722780.tmy3.csv"`), to be copied beside it.
    public static func weatherURL() throws -> URL {
        try resource("phoenix-az-722780.tmy3", "csv", "Resources")
    }

    private func url() throws -> URL {
        self == .campus ? try Self.resource("desert-10k", "toml", "Resources") : try Self.resource(rawValue, "toml", "Resources/templates")
    }

    private static func resource(_ name: String, _ ext: String, _ folder: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: folder) else {
            throw HelioError(.io, "\(folder)/\(name).\(ext) is missing from the build")
        }
        return url
    }
}
