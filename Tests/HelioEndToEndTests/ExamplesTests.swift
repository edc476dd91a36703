import Foundation
import HelioGrid
import HelioTestSupport
import Testing

/// `heliogrid init` and `examples/`: every template is written with its weather file and runs; the
/// examples are the templates (their weather line apart) and every one simulates with no demand unserved.
@Suite struct ExamplesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ScenarioTemplate.allCases)
    func initWritesARunnableScenario(template: ScenarioTemplate) throws {
        let folder = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try CommandLineTests.run(["init", folder.path, "--template", template.rawValue])
        #expect(written.status == 0 && written.stdout.contains("next: heliogrid simulate"), "\(written.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["phoenix-az-722780.tmy3.csv", "scenario.toml"])
        let run = try CommandLineTests.run(["simulate", folder.appendingPathComponent("scenario.toml").path, "--max-unserved", "0"])
        #expect(run.status == 0 && !run.stderr.contains("warning:"), "\(run.stderr)")
        let again = try CommandLineTests.run(["init", folder.path, "--template", template.rawValue])
        #expect(again.status == 2 && again.stderr.contains("not an empty folder"))
    }

    @Test func examplesAreTheTemplatesAndRun() throws {
        for template in [ScenarioTemplate.small, .grid] {
            let example = try String(contentsOf: Self.repository.appendingPathComponent("examples/\(template.rawValue)-datacentre/scenario.toml"), encoding: .utf8)
            let lines = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("weather = ") } }
            #expect(lines(example) == lines(try template.text()), "examples/\(template.rawValue)-datacentre differs from its template")
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("examples").path).sorted()
        #expect(folders.count >= 3)
        for folder in folders {
            let directory = Self.repository.appendingPathComponent("examples/\(folder)")
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".toml") {
                let run = try CommandLineTests.run(["simulate", directory.appendingPathComponent(file).path, "--max-unserved", "0"])
                #expect(run.status == 0 && !run.stderr.contains("warning:"), "examples/\(folder)/\(file): \(run.stderr)")
            }
        }
    }
}
