import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

/// End-to-end: the built `heliogrid` executable, its output and its exit codes.
@Suite struct CommandLineTests {
    /// The `heliogrid` binary SwiftPM built next to the test bundle.
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("heliogrid")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/heliogrid")
    }()

    struct Outcome { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the binary on a pseudo-terminal (util-linux `script`), as a user at a shell does; the
    /// terminal carries stdout and stderr together, with its own line endings.
    static func runOnTerminal(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let quoted = ([executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", quoted.joined(separator: " "), "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("heliogrid-test-\(UUID().uuidString)")
    }

    @Test func simulateWritesTheContractFiles() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try Self.run(["simulate", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Desert AI campus") && outcome.stdout.contains("intensity"))
        let json = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(summary["steps"] as? Int == 8760)
        let csv = try String(contentsOf: out.appendingPathComponent("steps.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 8761)
    }

    @Test func optimalDispatchWritesTheSameContract() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try Self.run(["simulate", "--dispatch", "optimal", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(summary["dispatch"] as? String == "optimal" && summary["steps"] as? Int == 8760)
        let csv = try String(contentsOf: out.appendingPathComponent("steps.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 8761)
        let tooFine = try Self.run(["simulate", "--dispatch", "optimal", "--timestep", "1"])
        #expect(tooFine.status == 2 && tooFine.stderr.contains("coarser --timestep"), "\(tooFine.stderr)")
    }

    @Test func badScenarioExitsTwoNamingTheKeyAndWritesNothing() throws {
        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("bad.toml")
        try "[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 8\n[battery]\nenergy_kwh = 10.0\npower_kw = 5.0\nsoc_min = 0.9\nsoc_max = 0.5\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let outcome = try Self.run(["simulate", scenario.path, "--out", out.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.toml:8: battery.soc_min: must be below soc_max"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func missingWeatherFileAndBadArgumentsExitTwo() throws {
        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("s.toml")
        try "[site]\nweather = \"nowhere.csv\"\n[load]\ngpus = 8\n".write(to: scenario, atomically: true, encoding: .utf8)
        let missing = try Self.run(["simulate", scenario.path])
        #expect(missing.status == 2 && missing.stderr.contains("nowhere.csv"), "\(missing.stderr)")
        let badStep = try Self.run(["simulate", "--timestep", "7"])
        #expect(badStep.status == 2 && badStep.stderr.contains("--timestep"))
        let badTracking = try Self.run(["pv", "--weather", TestData.phoenixPath, "--tracking", "dual"])
        #expect(badTracking.status == 2)
        let unknownOption = try Self.run(["simulate", "--bogus"])
        #expect(unknownOption.status == 2 && unknownOption.stderr.contains("--bogus"), "\(unknownOption.stderr)")
        let notANumber = try Self.run(["pv", "--weather", TestData.phoenixPath, "--dc-kw", "lots"])
        #expect(notANumber.status == 2)
        let help = try Self.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("simulate"))
    }

    @Test func pvPrintsAnnualEnergyAndWritesItsSeries() throws {
        let out = Self.temporaryDirectory().appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: out) }
        // The PVWatts anchor system (docs/validation.md), named option by option.
        let outcome = try Self.run(["pv", "--weather", TestData.fixture("tucson-az-722740.epw"), "--tracking", "fixed", "--tilt", "25",
                                    "--dc-ac-ratio", "1.2", "--max-angle", "45", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = TestData.annualKWh(TestData.anchorSystem(tracking: .fixed), TestData.tucson)
        #expect(outcome.stdout.contains("annual AC energy: \(Int(expected.rounded())) kWh"), "\(outcome.stdout)")
        let rows = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        // Stamped 2026, as a default scenario's steps.csv; --year names another, the last row is 31 December.
        #expect(rows.count == 8761 && rows[0] == "timestamp,ac_kw" && rows[1].hasPrefix("2026-01-01T00:00:00-07:00,"))
        let other = try Self.run(["pv", "--weather", TestData.phoenixPath, "--year", "2030", "--out", out.path])
        let otherRows = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(other.status == 0 && otherRows[1].hasPrefix("2030-01-01T00:00:00-07:00,") && otherRows[8760].hasPrefix("2030-12-31T23:00:00-07:00,"))
        let badYear = try Self.run(["pv", "--weather", TestData.phoenixPath, "--year", "1800", "--out", out.path])
        #expect(badYear.status == 2 && badYear.stderr.contains("--year must be 1990 to 2200"))
    }

    /// `pv` with no system options is the PV plant a scenario's `[pv]` with only `dc_kw = 1000` describes,
    /// and its monthly table (PVWatts' columns) adds up to the year; `--json` carries the same figures.
    @Test func pvDefaultsAreTheScenariosAndItsMonthsAddUp() throws {
        let outcome = try Self.run(["pv", "--weather", TestData.phoenixPath])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let scenarioPV = try #require(try TestData.scenario("[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 8\n[pv]\ndc_kw = 1000.0\n").pv)
        let expected = TestData.annualKWh(scenarioPV, TestData.phoenix)
        #expect(outcome.stdout.contains("single-axis") && outcome.stdout.contains("annual AC energy: \(Int(expected.rounded())) kWh"), "\(outcome.stdout)")
        let json = try Self.run(["pv", "--weather", TestData.phoenixPath, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let months = try #require(object["monthly"] as? [[String: Any]])
        let annual = try #require(object["annual_ac_kwh"] as? Double)
        #expect(months.count == 12 && abs(months.compactMap { $0["ac_kwh"] as? Double }.reduce(0, +) - annual) < 1e-6 * annual)
        #expect(abs(annual - expected) < 1e-6 * expected)
        let july = try #require(months[6]["poa_kwh_per_m2_day"] as? Double)
        #expect(july > 5 && july < 12)   // a tracker in Phoenix in July
        let fixed = try Self.run(["pv", "--weather", TestData.phoenixPath, "--tracking", "fixed"])
        #expect(fixed.stdout.contains("fixed, tilt 20.0°"))
    }

    @Test func compareHasOneRowPerPlant() throws {
        let outcome = try Self.run(["compare"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for label in ["diesel only", "PV + diesel", "PV + battery + diesel"] {
            #expect(outcome.stdout.split(separator: "\n").contains { $0.hasPrefix(label + " ") })
        }
    }
}
