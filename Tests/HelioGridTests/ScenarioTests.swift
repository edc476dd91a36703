import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct ScenarioTests {
    static let minimal = """
        [site]
        weather = "phoenix-az-722780.tmy3.csv"
        [load]
        gpus = 10000
        [pv]
        dc_kw = 60000.0
        [battery]
        energy_kwh = 200000.0
        power_kw = 50000.0
        [diesel]
        units = 10
        unit_kw = 2000.0
        """

    @Test func embeddedDefaultScenarioHasTheReferenceValues() {
        let s = TestData.defaultScenario
        #expect(s.site.name == "Desert AI campus, 10k GPUs (Phoenix TMY3)")
        #expect(s.site.timestepMinutes == 60 && s.site.years == 1)
        #expect(s.load.gpus == 10_000 && s.load.nodes == 1250 && s.load.profile == .training)
        #expect(s.pv?.dcKW == 60_000 && s.pv?.tracking == .singleAxis && s.pv?.dcACRatio == 1.25)
        #expect(s.battery?.energyKWh == 200_000 && s.battery?.reserveSOC == 0.20)
        #expect(s.diesel?.units == 10 && s.diesel?.fuelSlopeLPerKWh == 0.245)
        #expect(s.grid.enabled == false && s.connectedGrid == nil)
        #expect(s.dispatch.dieselStartSOC == 0.25 && s.dispatch.dieselStopSOC == 0.60)
        #expect(s.carbon.gwp == .ar5 && s.economics.projectYears == 20)
    }

    /// Every key left out takes the value desert-10k.toml shows (docs/scenario.md).
    @Test func omittedKeysDefaultToTheReferenceFile() throws {
        let minimal = try TestData.scenario(Self.minimal)
        let reference = TestData.defaultScenario
        #expect(minimal.load == reference.load)
        #expect(minimal.pv == reference.pv)
        #expect(minimal.battery == reference.battery)
        #expect(minimal.diesel == reference.diesel)
        #expect(minimal.grid == reference.grid)
        #expect(minimal.dispatch == reference.dispatch)
        #expect(minimal.economics == reference.economics)
        #expect(minimal.carbon == reference.carbon)
        #expect(minimal.solver == reference.solver)
        #expect(minimal.site.timestepMinutes == reference.site.timestepMinutes && minimal.site.years == reference.site.years)
    }

    @Test(arguments: [
        ("[battery]\nenergy_kwh = 1.0\npower_kw = 1.0\nsoc_mni = 0.1", "battery.soc_mni", "unknown key", 8),
        ("[battery]\nenergy_kwh = \"big\"\npower_kw = 1.0", "battery.energy_kwh", "expected a number", 6),
        ("[battery]\nenergy_kwh = 100.0\npower_kw = -5.0", "battery.power_kw", "out of range", 7),
        ("[battery]\nenergy_kwh = 100.0\npower_kw = 5.0\ncharge_efficiency = 1.2", "battery.charge_efficiency", "out of range", 8),
        ("[battery]\nenergy_kwh = 100.0\npower_kw = 5.0\nround_trip_efficiency = 0.9\ndischarge_efficiency = 0.9", "battery.discharge_efficiency", "not both", 9),
        ("[battery]\nenergy_kwh = 100.0\npower_kw = 5.0\nauxiliary_kw = -1", "battery.auxiliary_kw", "out of range", 8),
        ("[battery]\nenergy_kwh = 100.0\npower_kw = 5.0\nsoc_min = 0.9\nsoc_max = 0.5", "battery.soc_min", "below soc_max", 8),
        ("[battery]\npower_kw = 5.0", "battery.energy_kwh", "required", 5),
        ("[diesel]\nunits = 2.5\nunit_kw = 100.0", "diesel.units", "expected an integer", 6),
        ("[solver]\nlp = \"gurobi\"", "solver.lp", "not one of", 6),
        ("[solver]\nthreads = 0", "solver.threads", "out of range", 6),
        ("[solver]\nmip_gap = 0.9", "solver.mip_gap", "out of range", 6),
        ("[dispatch]\ncommitment = \"partial\"", "dispatch.commitment", "not one of", 6),
        ("[dispatch]\noptimal_horizon = \"decade\"", "dispatch.optimal_horizon", "not one of", 6),
        ("[pv]\ndc_kw = 100.0\ntracking = \"dual-axis\"", "pv.tracking", "not one of", 7),
        ("[dispatch]\ndiesel_start_soc = 0.7", "dispatch.diesel_start_soc", "below diesel_stop_soc", 6),
        ("[grid]\nenabled = true", "grid.import_kw", "needs import_kw", 5),
        ("[load.cooling]\ntemp_low_c = 50.0", "load.cooling.temp_high_c", "above temp_low_c", 5),
        ("[economics]\ncurrency = \"dollars\"", "economics.currency", "ISO 4217", 6),
        ("[wether]\nfile = \"x\"", "wether", "unknown key", 5),
        ("[weather]\nfile = \"x\"", "weather.file", "unknown key", 6),
        ("[weather.synthetic]\nyears = 0", "weather.synthetic.years", "out of range", 6),
        ("[weather.synthetic]\nseed = 2", "weather.synthetic.years", "required key is missing", 5),
    ])
    func invalidKeysAreNamedWithTheReason(extra: String, key: String, reason: String, line: Int?) {
        let text = "[site]\nweather = \"phoenix-az-722780.tmy3.csv\"\n[load]\ngpus = 8\n" + extra
        do {
            _ = try TestData.scenario(text)
            Issue.record("accepted invalid \(key)")
        } catch let error as HelioError {
            #expect(error.kind == .scenario && error.file == "test.toml")
            #expect(error.key == key, "\(error)")
            #expect(error.message.contains(reason), "\(error)")
            // The line of the key, or of its table when the key is not written; lines 1–4 are the header above.
            #expect(error.line == line, "\(error)")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func missingSectionsAndSyntaxErrorsAreNamed() {
        #expect(throws: HelioError(.scenario, "required section [load] is missing", file: "test.toml", line: nil, key: "load")) {
            try TestData.scenario("[site]\nweather = \"x.csv\"\n")
        }
        do {
            _ = try TestData.scenario("[site]\nweather = \"x.csv\"\n[load]\ngpus = = 3\n")
            Issue.record("accepted bad TOML")
        } catch let error as HelioError {
            #expect(error.line == 4 && error.message.hasPrefix("TOML syntax"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func gpuCountMustFillWholeNodesAndDispatchThresholdsMustFitTheBattery() {
        #expect(throws: HelioError.self) { try TestData.scenario("[site]\nweather = \"w.csv\"\n[load]\ngpus = 10\n") }
        let text = Self.minimal + "\n[dispatch]\ndiesel_start_soc = 0.05\n"
        do { _ = try TestData.scenario(text) } catch let error as HelioError {
            #expect(error.key == "dispatch.diesel_start_soc" && error.message.contains("soc_min"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func relativePathsResolveAgainstTheScenarioFolder() throws {
        let s = try ScenarioLoader.parse(text: "[site]\nweather = \"../w/x.epw\"\n[load]\nkind = \"csv\"\ncsv = \"load.csv\"\n",
                                         file: "/data/campus/s.toml", baseDirectory: "/data/campus")
        #expect(s.site.weatherPath == "/data/w/x.epw")
        #expect(s.load.csvPath == "/data/campus/load.csv")
    }
}

/// `best.toml` is the user's file edited line by line: comments, order and numbers kept.
@Suite struct ScenarioTextEditorTests {
    /// By hand: a value replaced keeps its comment (even after a string holding `#`), a missing key
    /// goes under its header, a missing table at the end, a table and its sub-tables go with their
    /// multi-line arrays, and nothing else moves.
    @Test func editsKeepEverythingElseAsWritten() {
        var editor = ScenarioTextEditor(text: """
            # campus
            [site]   # where
            name = "a # b"  # the name
            weather = 'a.csv'

            [pv]
            dc_kw = 60000.0      # kWdc
            reserve = 0.2

            [size]
            pv_kw = [1.0,
              2.0]
            [size.sensitivity]
            fuel_price = [1.0]
            [battery]
            energy_kwh = 1.0

            """)
        editor.set("site", "name", to: "\"b\"")
        editor.set("site", "weather", to: "\"inputs/a.csv\"")
        editor.set("site", "years", to: "20")
        editor.set("pv", "dc_kw", to: "80000.0")
        editor.remove("size")
        editor.remove("battery")
        editor.set("dispatch", "strategy", to: "\"rule\"")
        #expect(editor.text == """
            # campus
            [site]   # where
            years = 20
            name = "b"  # the name
            weather = "inputs/a.csv"

            [pv]
            dc_kw = 80000.0      # kWdc
            reserve = 0.2

            [dispatch]
            strategy = "rule"

            """)
        #expect(ScenarioTextEditor.quoted(#"C:\a "b""#) == #""C:\\a \"b\"""#)
    }
}
