import Foundation
import HelioGrid
import HelioTestSupport
import Testing
@testable import HelioStudy

/// Many weather years (docs/weather.md): `[site] weather` lists and globs, the ensemble of two
/// NSRDB PSM3-format yearly files against `simulate` on each, and the statistics' conventions.
@Suite struct WeatherEnsembleTests {
    /// `weather` written as an NSRDB PSM3 yearly file of `year`, stamps in local standard time at
    /// the start of each hour; a leap year gets a 29 February (a copy of the 28th) that the reader drops.
    static func writePSM3(_ weather: WeatherData, year: Int, to path: String) throws {
        let l = weather.location
        var text = "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,Local Time Zone,Version\n"
        text += "NSRDB,722780,-,-,-,\(l.latitudeDeg),\(l.longitudeDeg),\(l.utcOffsetMinutes / 60),\(l.elevationM),\(l.utcOffsetMinutes / 60),3.2.2\n"
        text += "Year,Month,Day,Hour,Minute,DHI,DNI,GHI,Temperature,Pressure,Wind Speed,Surface Albedo\n"
        func row(_ index: Int, month: Int, day: Int) -> String {
            "\(year),\(month),\(day),\(index % 24),0,\(weather.dhiWM2[index]),\(weather.dniWM2[index]),\(weather.ghiWM2[index]),"
                + "\(weather.tempC[index]),\(weather.pressureMbar[index]),\(weather.windSpeedMS[index]),\(weather.albedo[index])\n"
        }
        for index in 0..<weather.count {
            let day = index / 24, month = CivilCalendar.monthStartDay.lastIndex { $0 <= day }!
            text += row(index, month: month + 1, day: day - CivilCalendar.monthStartDay[month] + 1)
            if CivilCalendar.isLeap(year), month == 1, day == 58, index % 24 == 23 {
                for hour in 0..<24 { text += row(58 * 24 + hour, month: 2, day: 29) }
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("heliogrid-ensemble-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func ensembleOfTwoYearlyPSM3FilesReproducesEachYearsSimulation() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = try SyntheticWeather(source: TestData.phoenix, config: SyntheticWeatherConfig(years: 1, seed: 11))
        let paths = [folder + "/phoenix-2004.csv", folder + "/phoenix-2005.csv"]
        try Self.writePSM3(TestData.phoenix, year: 2004, to: paths[0])
        try Self.writePSM3(generator.year(0), year: 2005, to: paths[1])
        let leap = try WeatherLoader.load(path: paths[0])
        #expect(leap.count == 8760 && leap.ghiWM2 == TestData.phoenix.ghiWM2 && leap.tempC == TestData.phoenix.tempC)

        var scenario = TestData.defaultScenario
        scenario.site.weatherPaths = paths
        let study = try EnsembleStudy(scenario: scenario, ensemble: try WeatherEnsemble(scenario: scenario))
        let members = try await OffPool.run { try [study.member(0), study.member(1)] }
        for (member, path) in zip(members, paths) {
            var single = scenario
            single.site.weatherPath = path
            let run = single
            let result = try await OffPool.run { try CampusRun.run(run, recordSeries: false) }
            let year = result.yearly[0]
            #expect(member.fuelL == year.fuelL && member.intensityGPerKWh == year.intensityGPerKWh)
            #expect(member.unservedKWh == year.unservedKWh && member.pvAvailableKWh == year.pvAvailableKWh)
            #expect(member.npc == LifetimeEconomics(result: result).npc)
        }
        #expect(members[0].fuelL == TestData.hybrid.yearly[0].fuelL, "the 2004 file is the TMY3's year")
        #expect(members[0].fuelL != members[1].fuelL && members[0].worstWeek.fuelL > 0)
    }

    @Test func weatherListsGlobsAndTheirErrors() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let weather = TestData.phoenix
        for year in [2001, 2002, 2003] { try Self.writePSM3(weather, year: year, to: folder + "/psm3-\(year).csv") }
        func scenario(_ site: String) throws -> Scenario {
            try ScenarioLoader.parse(text: "[site]\n\(site)\n[load]\ngpus = 80\n", file: folder + "/s.toml", baseDirectory: folder)
        }
        #expect(try scenario("weather = \"psm3-*.csv\"").site.weatherPaths == [2001, 2002, 2003].map { folder + "/psm3-\($0).csv" })
        #expect(try scenario("weather = [\"psm3-2003.csv\", \"psm3-2001.csv\"]").site.weatherPaths.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["psm3-2003.csv", "psm3-2001.csv"])
        let broken: [(String, String)] = [
            ("weather = \"nothing-*.csv\"", "site.weather"), ("weather = []", "site.weather"), ("weather = [1]", "site.weather"),
            ("weather = [\"psm3-2001.csv\", \"psm3-200[1].csv\"]", "site.weather"),
            ("weather = \"psm3-*.csv\"\n[weather.synthetic]\nyears = 5", "weather.synthetic"),
            ("weather = \"psm3-2001.csv\"\n[weather.synthetic]\nyears = 5\ndaily = \"markov\"", "weather.synthetic.daily"),
            ("weather = \"psm3-2001.csv\"\n[weather.synthetic]\nyears = 5\ninterannual_cv = 0.5", "weather.synthetic.interannual_cv"),
        ]
        for (site, key) in broken {
            do {
                _ = try scenario(site)
                Issue.record("accepted \(site)")
            } catch let error as HelioError {
                #expect(error.key == key, "\(error)")
            }
        }
        var elsewhere = TestData.tucson
        elsewhere.location.utcOffsetMinutes = weather.location.utcOffsetMinutes
        try Self.writePSM3(elsewhere, year: 2004, to: folder + "/psm3-2004.csv")
        let mixed = try scenario("weather = \"psm3-*.csv\"")
        let ensemble = try WeatherEnsemble(scenario: mixed)
        #expect(ensemble.count == 4 && ensemble.label(3) == "psm3-2004.csv")
        #expect(throws: HelioError.self) { try ensemble.weather(3) }
        #expect(throws: HelioError.self) { try WeatherEnsemble(scenario: mixed, seed: 3) }
        #expect(throws: HelioError.self) { try WeatherEnsemble(scenario: mixed, years: 10) }
        #expect(throws: HelioError.self) { try WeatherEnsemble(scenario: try scenario("weather = \"psm3-2001.csv\"")) }
    }

    /// Consecutive years: year 1 is the first file's run, year 2 has the second file's PV (degraded
    /// by a year) and load, the plant ageing on; an ensemble, MPC and a years count that is not the
    /// files' are refused.
    @Test func consecutiveYearsRunTheFilesInTurn() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = try SyntheticWeather(source: TestData.phoenix, config: SyntheticWeatherConfig(years: 1, seed: 4))
        try Self.writePSM3(TestData.phoenix, year: 2001, to: folder + "/y2001.csv")
        try Self.writePSM3(generator.year(0), year: 2002, to: folder + "/y2002.csv")
        let text = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8).components(separatedBy: "\n[size]")[0]
        func scenario(_ site: String) throws -> Scenario {
            let edited = text.replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: site)
                .replacingOccurrences(of: "\nyears = 1 ", with: "\n# years = 1 ")
            return try ScenarioLoader.parse(text: edited, file: folder + "/campus.toml", baseDirectory: folder)
        }
        let consecutive = try scenario("weather = [\"y2001.csv\", \"y2002.csv\"]\nweather_years = \"consecutive\"")
        #expect(consecutive.site.years == 2)
        var second = consecutive
        (second.site.weatherPaths, second.site.weatherYears, second.site.years) = ([folder + "/y2002.csv"], .ensemble, 1)
        let secondAlone = second
        let (run, first, alone, fromWeather) = try await OffPool.run {
            (try CampusRun.run(consecutive, recordSeries: false), try CampusRun.run(TestData.defaultScenario, recordSeries: false),
             try CampusRun.run(secondAlone, recordSeries: false), try CampusRun.run(consecutive, weather: TestData.phoenix, recordSeries: false))
        }
        #expect(run.yearly[0] == first.yearly[0] && fromWeather.yearly == run.yearly, "the report's and compare's entry runs them too")
        let degradation = 1 - (consecutive.pv?.degradationPerYear ?? 0)
        #expect(abs(run.yearly[1].pvAvailableKWh / (alone.yearly[0].pvAvailableKWh * degradation) - 1) < 1e-12)
        #expect(run.yearly[1].loadKWh == alone.yearly[0].loadKWh && run.yearly[1].fuelL != alone.yearly[0].fuelL)
        #expect(abs(run.totals.servedKWh + run.totals.unservedKWh - run.totals.loadKWh) < 1e-6 * run.totals.loadKWh)

        #expect(throws: HelioError.self) { try WeatherEnsemble(scenario: consecutive) }
        #expect(throws: HelioError.self) { try StrategyComparison.run(consecutive) }
        var mpc = consecutive
        mpc.dispatch.strategy = .mpc
        #expect(throws: HelioError.self) { try SimulationInputs.prepareRun(mpc, weather: TestData.phoenix) }
        for (site, key) in [("weather = [\"y2001.csv\", \"y2002.csv\"]\nweather_years = \"consecutive\"\nyears = 3", "site.years"),
                            ("weather = \"y2001.csv\"\nweather_years = \"consecutive\"", "site.weather_years")] {
            do {
                _ = try scenario(site)
                Issue.record("accepted \(site)")
            } catch let error as HelioError {
                #expect(error.key == key, "\(error)")
            }
        }
    }

    /// The reliability Monte Carlo over an ensemble: sample-year i runs weather year i mod N, the
    /// same sample a study of that year alone draws.
    @Test func reliabilitySamplesTheWeatherYears() async throws {
        var scenario = TestData.defaultScenario
        scenario.syntheticWeather = SyntheticWeatherConfig(years: 3, seed: 9)
        let ensembleScenario = scenario
        let (ensemble, alone, single) = try await OffPool.run {
            let study = try ReliabilityStudy(scenario: ensembleScenario, weather: TestData.phoenix)
            let second = try ReliabilityStudy(scenario: ensembleScenario, inputs: study.weatherYears[1])
            return (study, second, try ReliabilityStudy(scenario: TestData.defaultScenario, weather: TestData.phoenix))
        }
        #expect(ensemble.weatherYears.count == 3 && single.weatherYears.count == 1)
        let samples = try await OffPool.run { (ensemble.sample(4, seed: 5), alone.sample(4, seed: 5), ensemble.sample(3, seed: 5)) }
        #expect(samples.0 == samples.1, "sample 4 runs weather year 4 mod 3 = 1")
        #expect(samples.0.fuelL != samples.2.fuelL)
    }

    /// Four hand values: P50 is the median, P90 the prudent side (high for fuel, low for yield).
    @Test func statisticsTakeThePrudentSide() {
        let fuel = EnsembleStatistic(key: "fuel_l", label: "fuel", unit: "L", higherIsBetter: false, values: [40, 10, 30, 20])
        #expect(fuel.mean == 25 && fuel.p50 == 25 && abs(fuel.p90 - 37) < 1e-12 && abs(fuel.p10 - 13) < 1e-12)
        let yield = EnsembleStatistic(key: "pv", label: "yield", unit: "kWh/kWp", higherIsBetter: true, values: [40, 10, 30, 20])
        #expect(abs(yield.p90 - 13) < 1e-12 && abs(yield.p10 - 37) < 1e-12 && yield.p50 == 25)
    }
}
