import ArgumentParser
import Foundation
import HelioGrid

/// `heliogrid init DIR [--template small|campus|grid|growing]`: a new folder with a commented starting
/// scenario and the weather file it names, ready for `heliogrid simulate DIR/scenario.toml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starting scenario and its weather file into a new folder (docs/guide.md).")

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var folder: String
    @Option(help: "small (1 MW data centre off the grid), campus (the 10,000-GPU reference campus), grid (1 MW behind a weak grid) or growing (a campus that grows in GPU phases, its plant bought in stages).")
    var template = ScenarioTemplate.small

    func run() throws {
        try HelioGridCommand.guarded {
            let chosen = template
            let manager = FileManager.default, url = URL(fileURLWithPath: folder)
            if manager.fileExists(atPath: folder), !((try? manager.contentsOfDirectory(atPath: folder))?.isEmpty ?? false) {
                throw HelioError(.usage, "\(folder): exists and is not an empty folder; init writes only into a new one")
            }
            // Written beside the folder first and moved into place, so a failure leaves nothing half-written.
            let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).init-\(UUID().uuidString)")
            do {
                try manager.createDirectory(at: staging, withIntermediateDirectories: true)
                let weather = try ScenarioTemplate.weatherURL()
                try manager.copyItem(at: weather, to: staging.appendingPathComponent(weather.lastPathComponent))
                try chosen.text().write(to: staging.appendingPathComponent("scenario.toml"), atomically: true, encoding: .utf8)
                if manager.fileExists(atPath: folder) { try manager.removeItem(at: url) }
                try manager.moveItem(at: staging, to: url)
            } catch {
                try? manager.removeItem(at: staging)
                if let error = error as? HelioError { throw error }
                throw HelioError(.io, "\(folder): \(error.localizedDescription)")
            }
            print("wrote \(folder)/scenario.toml (\(chosen.rawValue)) and its weather file; next: heliogrid simulate \(folder)/scenario.toml")
        }
    }
}
