import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

/// Input files are untrusted: header values are range-checked, NUL bytes refused, and random
/// corruptions of real files end in a named error, never a trap.
@Suite struct InputHardeningTests {
    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOfFile: TestData.fixture(name), encoding: .utf8)
    }

    /// The reported values (latitude 133.45, longitude −511.98, time zone −70) and the edges of each
    /// range, in each format's header, named by file, line and field.
    @Test func weatherHeadersOutsideTheEarthAreNamed() throws {
        let tmy3 = try Self.fixtureText("handmade.tmy3.csv")
        let cases: [(String, String, Int?, String)] = [
            (tmy3.replacingOccurrences(of: ",34.300,", with: ",133.45,"), "x.tmy3.csv", 1, "latitude: 133.45 is outside -90.0…90.0 degrees"),
            (tmy3.replacingOccurrences(of: ",-116.167,", with: ",-511.98,"), "x.tmy3.csv", 1, "longitude: -511.98 is outside -180.0…180.0 degrees"),
            (tmy3.replacingOccurrences(of: ",-8.0,", with: ",-70,"), "x.tmy3.csv", 1, "time zone: -70.0 is outside -12.0…14.0 hours from UTC"),
            (tmy3.replacingOccurrences(of: ",-8.0,", with: ",1e300,"), "x.tmy3.csv", 1, "time zone: 1e+300 is not a plausible value"),
            (tmy3.replacingOccurrences(of: ",626\n", with: ",12000\n"), "x.tmy3.csv", 1, "elevation: 12000.0 is outside -500.0…9000.0 m"),
            (try Self.fixtureText("handmade.epw").replacingOccurrences(of: ",36.50,", with: ",-91,"), "x.epw", 1, "latitude: -91.0 is outside"),
            (try Self.fixtureText("handmade-psm3.csv").replacingOccurrences(of: ",24.45,54.38,4,5,4,", with: ",24.45,54.38,4,5,15,"),
             "x.csv", 2, "Local Time Zone: 15.0 is outside"),
            (try Self.fixtureText("handmade-pvgis.csv").replacingOccurrences(of: "23.730", with: "190"), "x.csv", nil,
             "Longitude (decimal degrees): 190.0 is outside"),
        ]
        for (text, file, line, message) in cases {
            #expect { _ = try WeatherLoader.parse(text: text, file: file) } throws: { error in
                guard let error = error as? HelioError else { return false }
                return error.file == file && error.line == line && error.message.hasPrefix(message)
            }
        }
        // The edges themselves are accepted.
        let edge = tmy3.replacingOccurrences(of: ",34.300,-116.167,", with: ",-90,180,").replacingOccurrences(of: ",-8.0,", with: ",14,")
        #expect(throws: Never.self) { _ = try TMY3Reader().records(text: edge, file: "edge.tmy3.csv") }
    }

    /// A NUL byte used to cut a scenario short silently; now it is an error naming its line.
    @Test func nulBytesAreRefusedNamingTheLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nul.toml").path
        try Data("[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 8\0\n[battery]\nenergy_kwh = -1.0\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect { _ = try ScenarioLoader.load(path: path) } throws: { error in
            (error as? HelioError).map { $0.file == path && $0.line == 4 && $0.message.contains("NUL byte") } ?? false
        }
        let weather = directory.appendingPathComponent("nul.tmy3.csv").path
        try Data((try Self.fixtureText("handmade.tmy3.csv") + "\0").utf8).write(to: URL(fileURLWithPath: weather))
        #expect { _ = try WeatherLoader.load(path: weather) } throws: { error in
            (error as? HelioError).map { $0.line == 7 && $0.message.contains("NUL byte") } ?? false
        }
    }

    /// Random corruption of the real Phoenix TMY3 and Tucson EPW files, of the default scenario and
    /// of the `growing` template:
    /// characters replaced by digits, signs, exponents, separators, quotes, newlines and NULs;
    /// lines dropped or repeated. Every result is a parse or a HelioError.
    @Test func corruptedInputsEndInNamedErrors() throws {
        var random = SplitMix64(seed: 2026)
        let alphabet = Array("0123456789-+.eE,\"\n\r\0 9e308[]={}#x")
        let weather = [(TestData.phoenixText, "phoenix.tmy3.csv"),
                       (try String(contentsOfFile: TestData.fixture("tucson-az-722740.epw"), encoding: .isoLatin1), "tucson.epw")]
        let scenarioText = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8)
        var outcomes = (parsed: 0, errors: 0)
        func mutate(_ text: String, within head: Int) -> String {
            var characters = Array(text)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0..<min(head, characters.count), using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: characters[index] = alphabet.randomElement(using: &random)!
                case 1: characters.insert(contentsOf: Array(["1e308", "-99999999999999999999", "nan", "inf"].randomElement(using: &random)!), at: index)
                case 2: characters.remove(at: index)
                default:
                    let end = characters[index...].firstIndex(of: "\n") ?? characters.endIndex
                    characters.insert(contentsOf: characters[index..<end], at: index)
                }
            }
            return String(characters)
        }
        for iteration in 0..<40 {
            let (text, file) = weather[iteration % 2]
            do {
                _ = try WeatherLoader.parse(text: mutate(text, within: 6_000), file: file)
                outcomes.parsed += 1
            } catch is HelioError {
                outcomes.errors += 1
            }
        }
        // The default campus, then a campus that grows (phases, expansions, stages).
        let growingText = try ScenarioTemplate.growing.text()
        for iteration in 0..<450 {
            let text = iteration < 300 ? scenarioText : growingText
            do {
                _ = try ScenarioLoader.parse(text: mutate(text, within: text.count), file: "fuzz.toml",
                                             baseDirectory: URL(fileURLWithPath: TestData.phoenixPath).deletingLastPathComponent().path)
                outcomes.parsed += 1
            } catch is HelioError {
                outcomes.errors += 1
            }
        }
        #expect(outcomes.parsed + outcomes.errors == 490 && outcomes.errors > 150 && outcomes.parsed > 15)
    }
}
