import Foundation
import HelioGrid
import HelioReport
import HelioTestSupport
import Testing

/// What every command does the same way: `--version`, the unserved-energy warning and
/// `--max-unserved` (exit 3, files still written), and a user's own intensity target in `compare`.
@Suite struct CLIConventionsTests {
    @Test func versionPrints() throws {
        let run = try CommandLineTests.run(["--version"])
        #expect(run.status == 0 && run.stdout == HelioGridVersion.current + "\n")
    }

    /// 1,000 GPUs (about 1 MW) on one 200 kW genset: most of the demand goes unserved. The run warns
    /// with the figures and exits 0; with `--max-unserved 0.01` it exits 3 and still writes its files.
    /// Every choice on the command line is the domain's enum: a bad one exits 2 naming the choices
    /// and writes nothing; a strategy the command cannot run (serve and optimal) is named too.
    @Test func badChoicesExitTwoNamingTheChoices() throws {
        for (arguments, named) in [(["simulate", "--dispatch", "fast"], "'rule', 'load-following', 'cycle-charging', 'optimal' or 'mpc'"),
                                   (["simulate", "--forecast", "oracle"], "'blend', 'persistence' or 'perfect'"),
                                   (["simulate", "--forecast-members", "0"], "--forecast-members must be 1 to 20, found 0"),
                                   (["simulate", "--compute", "elastic"], "'rigid' and 'flexible'"),
                                   (["init", "/nonexistent/x", "--template", "huge"], "'small', 'campus', 'grid' or 'growing'"),
                                   (["serve", "--plant", "opcua"], "'simulated' and 'modbus'"),
                                   (["token", "create", "--scope", "admin", "--db", "/nonexistent/x.sqlite"], "'read' and 'control'"),
                                   (["serve", "--dispatch", "optimal", "--db", "/nonexistent/x.sqlite"], "rule, load-following, cycle-charging or mpc here")] {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status == 2 && run.stderr.contains(named) && run.stdout.isEmpty, "\(arguments): \(run.status) \(run.stderr)")
        }
    }

    @Test func unservedDemandWarnsAndCanFail() throws {
        let root = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = root.appendingPathComponent("short.toml").path
        try "[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 1000\n[diesel]\nunits = 1\nunit_kw = 200.0\n"
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        let warned = try CommandLineTests.run(["simulate", scenario])
        #expect(warned.status == 0 && warned.stderr.contains("warning:") && warned.stderr.contains("unserved"), "\(warned.stderr)")
        // The file leaves out [dispatch], [economics] and [carbon]: each default is announced.
        #expect(warned.stderr.contains("has no [economics] section: its defaults apply (docs/scenario.md), the reference campus's prices")
                && warned.stderr.contains("has no [carbon] section") && warned.stderr.contains("has no [dispatch] section"))
        let out = root.appendingPathComponent("out")
        let failed = try CommandLineTests.run(["simulate", scenario, "--max-unserved", "0.01", "--out", out.path])
        #expect(failed.status == 3 && failed.stderr.contains("above --max-unserved"), "\(failed.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        let energy = try #require(json["energy_kwh"] as? [String: Any])
        let share = (energy["unserved"] as? Double ?? 0) / (energy["load"] as? Double ?? 1)
        #expect(share > 0.7 && warned.stderr.contains(NumberFormat.fixed(share * 100, decimals: 3) + " %"))
        let fine = try CommandLineTests.run(["simulate", "--max-unserved", "0"])
        #expect(fine.status == 0 && !fine.stderr.contains("warning:"))
        let bad = try CommandLineTests.run(["simulate", "--max-unserved", "2"])
        #expect(bad.status == 2 && bad.stderr.contains("--max-unserved"))
    }

    @Test func compareChecksTheUsersTarget() throws {
        let run = try CommandLineTests.run(["compare", "--target-intensity", "500"])
        #expect(run.status == 0 && run.stdout.contains("target 500.0 gCO2e/kWh:") && !run.stdout.contains("mission"))
        #expect(run.stdout.contains("diesel only: ") && run.stdout.contains("(above it)") && run.stdout.contains("(meets it)"))
        let plain = try CommandLineTests.run(["compare"])
        #expect(plain.status == 0 && !plain.stdout.contains("target") && plain.stdout.contains("60-minute steps, 1 year\n"))
        #expect(NumberFormat.counted(3, "simulated year") == "3 simulated years")
    }

    /// `--json` prints what the command's file holds: `simulate` its summary.json (all but the run
    /// time), `reliability`, `transients` and `size` theirs, `compare` every row's summary.
    @Test func jsonOutputIsTheFilesContent() throws {
        let root = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        func object(_ text: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        func file(_ path: String) throws -> [String: Any] { try object(try String(contentsOfFile: path, encoding: .utf8)) }
        let simulated = try CommandLineTests.run(["simulate", "--json", "--out", root.appendingPathComponent("sim").path])
        var printed = try object(simulated.stdout), written = try file(root.appendingPathComponent("sim/summary.json").path)
        (printed["runtime_ms"], written["runtime_ms"]) = (nil, nil)
        #expect(simulated.status == 0 && NSDictionary(dictionary: printed) == NSDictionary(dictionary: written) && simulated.stderr.contains("wrote"))
        let reliability = try CommandLineTests.run(["reliability", "--samples", "3", "--json", "--out", root.appendingPathComponent("rel").path])
        var printedRel = try object(reliability.stdout), writtenRel = try file(root.appendingPathComponent("rel/reliability.json").path)
        (printedRel["timing"], writtenRel["timing"]) = (nil, nil)
        #expect(NSDictionary(dictionary: printedRel) == NSDictionary(dictionary: writtenRel))
        let transients = try CommandLineTests.run(["transients", "--window", "4", "--json"])
        let transientsJSON = try object(transients.stdout)
        #expect(transients.status == 0 && transientsJSON["sizing"] != nil)
        let compared = try CommandLineTests.run(["compare", "--json"])
        let comparedJSON = try object(compared.stdout)
        let rows = try #require(comparedJSON["rows"] as? [[String: Any]])
        #expect(rows.map { $0["label"] as? String } == ["diesel only", "PV + diesel", "PV + battery + diesel"] && rows.allSatisfy { $0["summary"] is [String: Any] })
        let scenario = root.appendingPathComponent("size.toml").path
        try (TestData.defaultScenarioText.components(separatedBy: "\n[size]")[0] + "\n[size]\nbattery_kw = [40000.0, 50000.0]\n")
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        let sized = try CommandLineTests.run(["size", scenario, "--json"])
        let sizedJSON = try object(sized.stdout)
        #expect(sized.status == 0 && sizedJSON["designs"] as? Int == 2, "\(sized.stderr)")
        // Off a terminal a study writes its closing lines: the designs, then the LP bound's solve.
        #expect(sized.stderr.contains("size: 2 designs in ") && sized.stderr.contains("size: the LP bound in "), "\(sized.stderr)")
    }

    /// Off a terminal a study writes only its final progress line; `--quiet` not even that.
    @Test func quietSilencesProgress() throws {
        let plain = try CommandLineTests.run(["reliability", "--samples", "3"])
        #expect(plain.status == 0 && plain.stderr.contains("reliability: 3 sample-years in ") && !plain.stderr.contains("\r"))
        let quiet = try CommandLineTests.run(["reliability", "--samples", "3", "--quiet"])
        #expect(quiet.status == 0 && !quiet.stderr.contains("reliability:") && quiet.stdout.contains("LOLE"))
    }

    /// On a terminal, runs of simulations show their progress in steps and close with what was
    /// done: `compare`'s three plants (3 × 8,760 steps), `report`'s plant and baseline, and
    /// `transients`' year and windows (at most 66 of 4,000 steps). Off a terminal, and with
    /// `--quiet`, they write none.
    @Test func runsShowProgressOnATerminal() throws {
        let compared = try CommandLineTests.runOnTerminal(["compare"])
        #expect(compared.status == 0 && compared.output.contains("\rcompare: 26280 steps in ") && compared.output.contains("PV + battery + diesel"),
                "\(compared.output)")
        let plain = try CommandLineTests.run(["compare"])
        #expect(plain.status == 0 && !plain.stderr.contains("compare:"))
        let quiet = try CommandLineTests.runOnTerminal(["compare", "--quiet"])
        #expect(quiet.status == 0 && !quiet.output.contains("compare:"))
        let folder = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try CommandLineTests.runOnTerminal(["report", "--reliability-samples", "0", "--out", folder.path])
        #expect(report.status == 0 && report.output.contains("\rreport: 17520 steps in "), "\(report.output)")
        let transients = try CommandLineTests.runOnTerminal(["transients", "--window", "4"])
        let line = try #require(transients.output.components(separatedBy: "\rtransients: ").last?.components(separatedBy: " steps in ").first)
        let steps = try #require(Int(line), "\(transients.output)")
        #expect(transients.status == 0 && steps > 8_760 + 4 * 4_000 && steps <= 8_760 + 66 * 4_000 && (steps - 8_760) % 4_000 == 0)
    }
}
